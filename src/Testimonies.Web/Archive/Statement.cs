namespace Testimonies.Web.Archive;

/// <summary>A speaker's words as a source reports them: a direct quotation or a paraphrase.</summary>
public class Statement
{
    public int Id { get; set; }

    /// <summary>Public identifier in the permanent URL (/s/{PublicId}); never changes once published.</summary>
    public required string PublicId { get; set; }

    /// <summary>The words exactly as the source prints them (quotation), or the source's reporting sentence (paraphrase).</summary>
    public required string Text { get; set; }

    public StatementKind Kind { get; set; }

    /// <summary>BCP 47 language tag of <see cref="Text"/>.</summary>
    public string Language { get; set; } = "en";

    public int SpeakerId { get; set; }
    public Speaker Speaker { get; set; } = null!;

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>Order in the source (1, 2, 3…), so a source page reads as the source does.</summary>
    public int Position { get; set; }

    /// <summary>Section heading of the source the words stand under.</summary>
    public string? Section { get; set; }

    /// <summary>Footnote number the source attaches to the words; null where it gives none.</summary>
    public string? Footnote { get; set; }

    /// <summary>When the words were said, as the source puts it ("early 2014"); null when unknown.</summary>
    public string? SaidWhen { get; set; }

    /// <summary>Short context note, Markdown.</summary>
    public string? Context { get; set; }

    /// <summary>Warning shown before words that describe violence.</summary>
    public string? ContentNote { get; set; }

    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public List<Reason> Reasons { get; set; } = [];

    /// <summary>Every change since the statement entered the archive, oldest first.</summary>
    public List<StatementRevision> Revisions { get; set; } = [];

    /// <summary>"ch. 9, fn. 100", or whichever parts are known.</summary>
    public static string Locator(string? chapter, string? footnote, string? section)
    {
        var parts = new List<string>(3);
        if (chapter is not null) parts.Add($"ch. {chapter}");
        if (footnote is not null) parts.Add($"fn. {footnote}");
        else if (section is not null) parts.Add($"section “{section}”");
        return string.Join(", ", parts);
    }
}
