namespace Testimonies.Web.Archive;

/// <summary>How a statement's words reached its source, as the source says; never assumed.</summary>
public enum Provenance
{
    /// <summary>The source does not say how it got the words.</summary>
    NotStated,

    /// <summary>Said to the source's author, in an interview or conversation ("told the author").</summary>
    ToldToAuthor,

    /// <summary>Sent to the source's author ("contacted the author").</summary>
    SentToAuthor,

    /// <summary>Taken from another publication or recording, which the source names or cites.</summary>
    TakenFromElsewhere,
}
