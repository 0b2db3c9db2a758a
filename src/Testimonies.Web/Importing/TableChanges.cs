namespace Testimonies.Web.Importing;

/// <summary>Counts of what an import did (or, for a preview, would do) to one table.</summary>
public sealed record TableChanges(string Table, int Created, int Updated, int Unchanged);
