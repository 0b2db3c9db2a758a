namespace Testimonies.Web.Importing;

/// <summary>One column of a data file: its name, whether every row needs it, and what it means (docs/data-format.md).</summary>
public sealed record ColumnSpec(string Name, bool Required, string Meaning);
