namespace Testimonies.Web.Importing;

/// <summary>The columns of one kind of data file.</summary>
public sealed record TableSpec(string Name, string FileName, IReadOnlyList<ColumnSpec> Columns);
