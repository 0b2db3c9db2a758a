namespace Testimonies.Web.Archive;

/// <summary>
/// A reader's report of a problem with a statement, and what editors did about it. The contact is for editors
/// only: no public page, export or dataset reads this table.
/// </summary>
public class ProblemReport
{
    /// <summary>Bounds a reader's text, so a report stays readable and a form cannot fill the store.</summary>
    public const int DescriptionMaxLength = 4000;
    public const int ContactMaxLength = 200;
    public const int NoteMaxLength = 4000;

    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;

    public ProblemKind Kind { get; set; }
    public required string Description { get; set; }

    /// <summary>How the reader may be reached, as they wrote it; optional.</summary>
    public string? Contact { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public ProblemReportState State { get; set; } = ProblemReportState.Open;

    /// <summary>The editor's note on the last change of state.</summary>
    public string? Note { get; set; }

    /// <summary>The statement's revision that fixed the problem, when one did.</summary>
    public int? FixedByRevisionId { get; set; }
    public StatementRevision? FixedByRevision { get; set; }

    /// <summary>Who changed the state last, and when; null while nobody has.</summary>
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Counts the editors' saves: a form opened at an older count is refused (409), never saved over a newer one.</summary>
    public int Version { get; set; }
}
