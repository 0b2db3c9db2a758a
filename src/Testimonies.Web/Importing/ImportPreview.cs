using System.Text.Json;

namespace Testimonies.Web.Importing;

/// <summary>
/// What a preview lists (ImportRecord.PreviewJson), bounded: at most <see cref="MaxListed"/> rows of the other tables and as many
/// statements, changed ones first, with how many more there are.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<RowChange> Rows, int MoreRows, IReadOnlyList<StatementChange> Statements,
    int MoreStatements)
{
    public const int MaxListed = 500;

    public static readonly ImportPreview Empty = new([], 0, [], 0);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ImportPreview Of(ImportOutcome outcome)
    {
        var statements = outcome.Statements.Where(c => !c.Created).Concat(outcome.Statements.Where(c => c.Created)).ToList();
        var rows = outcome.Rows.Where(c => !c.Created).Concat(outcome.Rows.Where(c => c.Created)).ToList();
        return new([.. rows.Take(MaxListed)], Math.Max(0, rows.Count - MaxListed), [.. statements.Take(MaxListed)],
            Math.Max(0, statements.Count - MaxListed));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A record's preview; a record written before previews listed every table holds its statement changes alone.</summary>
    public static ImportPreview FromJson(string json)
    {
        if (json.TrimStart().StartsWith('['))
            return Empty with { Statements = JsonSerializer.Deserialize<List<StatementChange>>(json, Json) ?? [] };
        return JsonSerializer.Deserialize<ImportPreview>(json, Json) ?? Empty;
    }
}
