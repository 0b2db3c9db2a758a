using System.Text.Json;

namespace Testimonies.Web.Archive;

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
