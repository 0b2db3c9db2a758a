namespace Testimonies.Web.Archive;

/// <summary>
/// The full text of a source as the archive holds it: plain text stored exactly as taken (never tidied), with its SHA-256,
/// so that a reader can check a statement's words and where they stand (docs/data-format.md, "Source texts"). A corrected
/// text is a new version; earlier versions stay, and each statement says which version its anchor was computed on.
/// </summary>
public class SourceText
{
    public int Id { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>1 for the first text of the source, then 2, 3… for each correction.</summary>
    public int Version { get; set; }

    /// <summary>The text exactly as taken, line breaks "\n".</summary>
    public required string Text { get; set; }

    /// <summary>SHA-256 of the text's UTF-8 bytes, lower-case hexadecimal.</summary>
    public required string Sha256 { get; set; }

    /// <summary>When the text was taken from its publication, at the precision known; null when not recorded (never guessed).</summary>
    public PartialDate? TakenOn { get; set; }

    /// <summary>
    /// Lines of the text that are its headings, as the text prints them, one a line: a maintainer's reading of the
    /// text's structure, checked to be whole lines of it.
    /// </summary>
    public string? Headings { get; set; }

    /// <summary>The first line of what follows the work in the text (a web page's furniture), or null: not part of the work.</summary>
    public string? EndsBefore { get; set; }

    /// <summary>Why this version replaced the one before; null for the first.</summary>
    public string? CorrectionNote { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    /// <summary>The SHA-256 of a text as <see cref="Sha256"/> holds it.</summary>
    public static string HashOf(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
