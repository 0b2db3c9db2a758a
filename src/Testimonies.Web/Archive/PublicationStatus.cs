namespace Testimonies.Web.Archive;

public enum PublicationStatus
{
    Draft,
    Published,
    Withdrawn,
}
