namespace Testimonies.Web.Importing;

/// <summary>One field of a row, as the import format writes it: its value before (null when new or empty) and after.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
