namespace Testimonies.Web.Archive;

/// <summary>How sure a coder was that a reason applies.</summary>
public enum Confidence
{
    Certain,
    Probable,
}
