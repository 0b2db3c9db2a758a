namespace Testimonies.Web.Archive;

/// <summary>
/// An editor's decision on a statement its coders disagree on: the reasons to publish, who decided, when and why.
/// A later coding of the statement reopens it; decisions are never deleted, so the coding history keeps them all.
/// </summary>
public class CodingDecision
{
    public int Id { get; set; }

    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;

    /// <summary>The codebook version the decision applies.</summary>
    public int CodebookVersion { get; set; }

    /// <summary>The reasons decided on, as slugs separated by semicolons; empty when none applies.</summary>
    public required string Reasons { get; set; }

    /// <summary>The editor: an account's e-mail address in the store, never shown to readers (they see "an editor").</summary>
    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Why, in the editor's words; required.</summary>
    public required string Why { get; set; }

    /// <summary>"import 12", "command-line import", "load" or "decision form".</summary>
    public required string Origin { get; set; }

    /// <summary>When a later coding or decision replaced it; null while it stands.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }

    public IReadOnlyList<string> ReasonSlugs => Reasons.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
