namespace Testimonies.Web.Archive;

/// <summary>
/// One published version of the codebook: its number, date and change note, and its codes as they stood then (a
/// JSON list of <see cref="CodebookCode"/>). A change to any code's name, theme, definition or boundary, or a code
/// added or removed, makes the next version; the reasons table holds the current one.
/// </summary>
public class CodebookVersion
{
    public int Id { get; set; }

    /// <summary>1, 2, 3…</summary>
    public int Number { get; set; }

    /// <summary>The date the archive gives the version (YYYY-MM-DD).</summary>
    public DateOnly Dated { get; set; }

    /// <summary>What changed and why, in the archive's words.</summary>
    public required string ChangeNote { get; set; }

    /// <summary>
    /// The codes as JSON; read them with <see cref="Codes"/>. Null for an earlier version restored from a dataset, whose codes
    /// this archive never held (the dataset's codebook.json has them).
    /// </summary>
    public string? CodesJson { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    public IReadOnlyList<CodebookCode>? Codes() => CodesJson is null ? null : CodebookCode.Parse(CodesJson);
}
