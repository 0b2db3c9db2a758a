using System.Text.RegularExpressions;

namespace Testimonies.Web.Importing;

/// <summary>
/// docs/data-format.md, embedded in the site (so that a published site has it): the one statement of the format's rules, shown
/// as a page and read for the rules of each column that the templates give.
/// </summary>
public static partial class DataFormatDocument
{
    private static readonly Lazy<string> Content = new(() =>
    {
        using var stream = typeof(DataFormatDocument).Assembly.GetManifestResourceStream("data-format.md")
            ?? throw new InvalidOperationException("docs/data-format.md is not embedded in the site.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Tables = new(ReadTables);

    /// <summary>The document's Markdown.</summary>
    public static string Markdown => Content.Value;

    /// <summary>The rules of a table's column as the document's table states them (Markdown), or null when it does not.</summary>
    public static string? RuleOf(TableSpec spec, string column) =>
        Tables.Value.GetValueOrDefault(spec.FileName)?.GetValueOrDefault(column);

    /// <summary>The “| `column` | yes | meaning |” rows under each “## `table.csv`” (or “### …”) heading.</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadTables()
    {
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in Content.Value.Split('\n'))
        {
            if (TableHeading().Match(line) is { Success: true } heading)
                current = tables[heading.Groups[1].Value] = new(StringComparer.Ordinal);
            else if (line.StartsWith('#')) current = null;
            else if (current is not null && ColumnRow().Match(line) is { Success: true } row)
                current[row.Groups[1].Value] = row.Groups[2].Value.Trim();
        }
        return tables;
    }

    [GeneratedRegex(@"^##+ `([a-z]+\.csv)`")]
    private static partial Regex TableHeading();

    [GeneratedRegex(@"^\| `([a-z_]+)` \| (?:yes|no)[^|]* \| (.*) \|\s*$")]
    private static partial Regex ColumnRow();
}
