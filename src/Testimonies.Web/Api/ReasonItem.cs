namespace Testimonies.Web.Api;

public sealed record ReasonItem(string Slug, string Name, string Theme, string Definition, string? Boundary, int Statements);
