namespace Testimonies.Web.Archive;

/// <summary>
/// A citable state of a statement (/s/{id}/v/{n}): what a citation depends on, kept as it was when the version was made.
/// A new version is made when the words, the attribution (speaker, kind, source, when said) or the locator (section,
/// footnote, position, anchor) change; codings, reasons, context and content notes do not make one (StatementVersions).
/// </summary>
public class StatementVersion
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;

    /// <summary>1, 2, 3… for each statement; unique with the statement.</summary>
    public int Number { get; set; }

    public DateTimeOffset At { get; set; }
    public required string By { get; set; }

    /// <summary>As for revisions: "import 12", "edit", "command-line import" or "load".</summary>
    public required string Origin { get; set; }

    /// <summary>The correction note of the change that made the version, for readers; null where none was given.</summary>
    public string? Note { get; set; }

    /// <summary>The revision that made this version; null for a change without one (a statement re-anchored in a new text).</summary>
    public int? RevisionId { get; set; }
    public StatementRevision? Revision { get; set; }

    // What a citation of the version depends on, as it was.
    public required string Text { get; set; }
    public StatementKind Kind { get; set; }
    public string Language { get; set; } = "en";
    public required string SpeakerKey { get; set; }

    /// <summary>The speaker as the attribution showed them: the source's name for them, else its description.</summary>
    public string? SpeakerName { get; set; }
    public required string SpeakerDescription { get; set; }
    public required string SourceKey { get; set; }
    public string? Section { get; set; }
    public string? Footnote { get; set; }
    public int Position { get; set; }
    public int? TextVersion { get; set; }
    public int? AnchorStart { get; set; }
    public int? AnchorEnd { get; set; }
    public string? SaidWhen { get; set; }
}
