namespace Testimonies.Web.Archive;

/// <summary>
/// A change to a statement, kept forever: who, when, what changed, and the words before when the words
/// themselves changed. The public page shows the last revision and the correction note.
/// </summary>
public class StatementRevision
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }

    /// <summary>"created", or the fields that changed: "text, reasons".</summary>
    public required string Changes { get; set; }

    /// <summary>The words before this revision, when it changed them.</summary>
    public string? PreviousText { get; set; }

    /// <summary>Why the words changed, for readers ("Corrected a transcription error: …").</summary>
    public string? Note { get; set; }

    /// <summary>"import 12" (a confirmed upload), "edit" (a form), "command-line import" or "load" (data/ at start-up).</summary>
    public required string Origin { get; set; }
}
