namespace Testimonies.Web.Archive;

public enum SpeakerRole
{
    Fighter,
    ForeignFighter,
    Defector,
}
