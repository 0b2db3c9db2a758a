namespace Testimonies.Web.Importing;

/// <summary>
/// What an import does to one statement: created, or which fields changed (with the words before, when they changed, and each
/// other changed field's value before and after).
/// </summary>
public sealed record StatementChange(string PublicId, bool Created, IReadOnlyList<string> Fields, string? OldText, string NewText,
    IReadOnlyList<FieldChange>? Values = null);
