namespace Testimonies.Web.Archive;

/// <summary>
/// One coder's judgement that a reason applies to a statement (or, with no reason, that none of the codebook's
/// reasons does), under one version of the codebook. A coder's current coding of a statement is the set of their
/// rows not yet replaced; coding again replaces them, and the replaced rows stay as the statement's coding history.
/// </summary>
public class Coding
{
    public int Id { get; set; }

    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;

    public int CoderId { get; set; }
    public Coder Coder { get; set; } = null!;

    /// <summary>The reason applied; null for a row saying that no reason of the codebook applies.</summary>
    public int? ReasonId { get; set; }
    public Reason? Reason { get; set; }

    /// <summary>The codebook version (<see cref="CodebookVersion.Number"/>) whose definitions the coder applied.</summary>
    public int CodebookVersion { get; set; }

    /// <summary>When the coder coded; null where it was not recorded.</summary>
    public DateTimeOffset? CodedAt { get; set; }

    /// <summary>How sure the coder was; null where it was not recorded.</summary>
    public Confidence? Confidence { get; set; }

    /// <summary>The coder's note, Markdown.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// Words inside the statement that justify the reason, as offsets into the statement's text in Unicode code points
    /// (the unit of its anchor in the source); both null when the coder marked none.
    /// </summary>
    public int? SpanStart { get; set; }

    public int? SpanEnd { get; set; }

    /// <summary>"import 12", "command-line import", "load" or "coding form", as for revisions.</summary>
    public required string Origin { get; set; }

    /// <summary>When the coder's next coding of the statement replaced this row; null while it is current.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }

    /// <summary>Where the words first stand in the statement's text, in code points; null when they are not in it.</summary>
    public static (int Start, int End)? SpanOf(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        return words.Length == 0 || at < 0 ? null
            : (SourceAnchor.CodePoints(text, at), SourceAnchor.CodePoints(text, at + words.Length));
    }

    /// <summary>The words a span marks in the statement's text; null when there is no span or it no longer fits the text.</summary>
    public static string? WordsOf(string text, int? start, int? end)
    {
        if (start is not { } from || end is not { } to) return null;
        var (i, j) = (SourceAnchor.Utf16Index(text, from), SourceAnchor.Utf16Index(text, to));
        return i < 0 || j < i ? null : text[i..j];
    }
}
