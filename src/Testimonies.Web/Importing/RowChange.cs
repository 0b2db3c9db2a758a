namespace Testimonies.Web.Importing;

/// <summary>What an import does to one row of a table other than statements: created with its values, or which fields change.</summary>
public sealed record RowChange(string Table, string Key, bool Created, IReadOnlyList<FieldChange> Fields);
