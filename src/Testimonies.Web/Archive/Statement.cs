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

    /// <summary>
    /// The version of the source's text (<see cref="SourceText.Version"/>) the anchor below was computed on; null when the
    /// source has no stored text, so the words are not checked against it.
    /// </summary>
    public int? TextVersion { get; set; }

    /// <summary>
    /// Where the words stand in that text: the offset of their first character and of the character after the last, in
    /// Unicode code points (W3C Web Annotation's TextPositionSelector; REFI-QDA's startPosition/endPosition).
    /// </summary>
    public int? AnchorStart { get; set; }

    public int? AnchorEnd { get; set; }

    /// <summary>Up to <see cref="SourceAnchor.ContextLength"/> code points before and after the words (TextQuoteSelector).</summary>
    public string? AnchorPrefix { get; set; }

    public string? AnchorSuffix { get; set; }

    /// <summary>How the words reached the source, as the source says.</summary>
    public Provenance Provenance { get; set; }

    /// <summary>The source's own words that say so (“told the author”), checked against its text.</summary>
    public string? ProvenanceWords { get; set; }

    /// <summary>BCP 47 tag of the language the words were spoken in, where the source says; null when it does not.</summary>
    public string? SpokenLanguage { get; set; }

    /// <summary>True or false where the source says whether the words are a translation; null when it does not say.</summary>
    public bool? Translated { get; set; }

    /// <summary>The published reasons: worked out from the codings by <see cref="CodingOutcome"/> wherever codings are recorded.</summary>
    public List<Reason> Reasons { get; set; } = [];

    /// <summary>Every coder's codings, current and replaced (the coding history).</summary>
    public List<Coding> Codings { get; set; } = [];

    public List<CodingDecision> CodingDecisions { get; set; } = [];

    /// <summary>Every change since the statement entered the archive, oldest first.</summary>
    public List<StatementRevision> Revisions { get; set; } = [];

    /// <summary>
    /// "ch. 9, “Fighting injustice”, note marker 100", or whichever parts are known: the footnote marker that follows the words in
    /// the body text, never "fn. 100", which would say the words are in the note (docs/citations.md).
    /// </summary>
    public static string Locator(string? chapter, string? footnote, string? section)
    {
        var parts = new List<string>(3);
        if (chapter is not null) parts.Add($"ch. {chapter}");
        if (section is not null) parts.Add($"“{section}”");
        if (footnote is not null) parts.Add($"note marker {footnote}");
        return string.Join(", ", parts);
    }
}
