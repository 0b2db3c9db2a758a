using System.Text.Json;

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

/// <summary>A code as a codebook version has it: the reason's fields that define it, without its statements.</summary>
public sealed record CodebookCode(string Slug, string Name, string Theme, string Definition, string? Boundary, int Position)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static CodebookCode Of(Reason reason) =>
        new(reason.Slug, reason.Name, reason.Theme.Slug(), reason.Definition, reason.Boundary, reason.Position);

    /// <summary>The codes in the taxonomy's order, as stored: the same codes always give the same text.</summary>
    public static string Serialize(IEnumerable<CodebookCode> codes) =>
        JsonSerializer.Serialize(codes.OrderBy(c => c.Position).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList(), Json);

    public static IReadOnlyList<CodebookCode> Parse(string json) => JsonSerializer.Deserialize<List<CodebookCode>>(json, Json) ?? [];
}
