namespace Testimonies.Web.Importing;

/// <summary>What an import does to one row of a table other than statements: created with its values, or which fields change.</summary>
public sealed record RowChange(string Table, string Key, bool Created, IReadOnlyList<FieldChange> Fields);

/// <summary>One field of a row, as the import format writes it: its value before (null when new or empty) and after.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
