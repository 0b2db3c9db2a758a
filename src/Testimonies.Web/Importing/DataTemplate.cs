namespace Testimonies.Web.Importing;

/// <summary>
/// One example row of each table, for the maintainers' templates: visibly an example (keys beginning “example-”, words beginning
/// “Example”), each cell valid by the format's rules, and refused as a whole by the import (<see cref="IsExampleKey"/>), so that
/// a template uploaded unchanged adds nothing.
/// </summary>
public static class DataTemplate
{
    public const string ExamplePrefix = "example-";

    /// <summary>True for the key of a template's example row, which an import refuses.</summary>
    public static bool IsExampleKey(string key) => key.StartsWith(ExamplePrefix, StringComparison.Ordinal);

    private static readonly Dictionary<string, Dictionary<string, string?>> Examples = new(StringComparer.Ordinal)
    {
        ["reasons"] = new()
        {
            ["slug"] = "example-reason", ["name"] = "Example reason", ["theme"] = Names.Themes.Slugs.Last(),
            ["definition"] = "Example definition: when to code a statement with this reason.",
            ["boundary"] = "Example boundary: when not to, and which reason applies instead.", ["position"] = "1",
        },
        ["codebook"] = new()
        {
            ["version"] = "1", ["dated"] = "2026-01-01", ["change_note"] = "Example note: what changed in this version and why.",
        },
        ["sources"] = new()
        {
            ["key"] = "example-source", ["title"] = "Example title of a publication", ["publisher"] = "Example publisher",
            ["published"] = "2016-01", ["url"] = "https://example.org/example-report", ["language"] = "en",
        },
        ["speakers"] = new()
        {
            ["key"] = "example-speaker", ["description"] = "Example description, in the source's own words",
            ["role"] = Names.Roles.Slugs.First(), ["group"] = "no",
        },
        ["statements"] = new()
        {
            ["id"] = "example-01", ["source"] = "example-source", ["position"] = "1", ["section"] = "Example section heading",
            ["speaker"] = "example-speaker", ["kind"] = Names.Kinds.Slugs.First(), ["language"] = "en",
            ["text"] = "Example words of a statement, character for character as the source prints them",
            ["said_when"] = "Example: early 2014", ["reasons"] = "example-reason", ["status"] = "draft",
        },
        ["findings"] = new()
        {
            ["key"] = "example-finding", ["source"] = "example-source",
            ["wording"] = "Example sentence of the source stating the figure, word for word.",
            ["figure"] = "Example figure: at least 21 individuals (35 per cent)", ["percent"] = "35", ["percent_qualifier"] = "at least",
            ["dataset"] = "Example dataset, as the source names it", ["reasons"] = "example-reason",
        },
        ["coders"] = new() { ["key"] = "example-coder", ["label"] = "Example coder" },
        ["codings"] = new()
        {
            ["statement"] = "example-01", ["coder"] = "example-coder", ["reason"] = "example-reason",
            ["confidence"] = Names.Confidences.Slugs.First(), ["codebook_version"] = "1", ["coded_at"] = "2026-01-01",
            ["note"] = "Example note of the coder.", ["words"] = "Example words",
        },
        ["decisions"] = new()
        {
            ["statement"] = "example-01", ["codebook_version"] = "1", ["reasons"] = "example-reason", ["decided_at"] = "2026-01-02",
            ["why"] = "Example: why, in the editor's words.",
        },
    };

    /// <summary>The example row of a table: every column, empty where the example leaves it so.</summary>
    public static Dictionary<string, string?> ExampleOf(TableSpec spec) =>
        spec.Columns.ToDictionary(c => c.Name, c => Examples[spec.Name].GetValueOrDefault(c.Name));
}
