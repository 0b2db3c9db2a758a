namespace Testimonies.Web.Archive;

/// <summary>A reason as a list links it: its slug (for /reasons/{slug}) and its name.</summary>
public sealed record ReasonLink(string Slug, string Name);
