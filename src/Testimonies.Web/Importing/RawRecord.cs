namespace Testimonies.Web.Importing;

/// <summary>One record of a data file: its values by column name, and the line it starts on.</summary>
public sealed record RawRecord(string File, int Line, IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>The trimmed value, or null when the cell is empty or the column absent.</summary>
    public string? this[string column] =>
        Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The value exactly as written (for quoted words, whose spacing is evidence).</summary>
    public string? Exact(string column) =>
        Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
