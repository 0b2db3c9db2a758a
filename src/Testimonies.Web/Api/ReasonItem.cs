namespace Testimonies.Web.Api;

/// <summary>
/// A reason as the API gives it; <c>CodebookVersion</c> is the codebook version its definition and its count of statements
/// follow (the current one; null while the archive has recorded none).
/// </summary>
public sealed record ReasonItem(string Slug, string Name, string Theme, string Definition, string? Boundary, int Statements,
    int? CodebookVersion);
