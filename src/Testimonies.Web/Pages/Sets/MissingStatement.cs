namespace Testimonies.Web.Pages.Sets;

/// <summary>An id the set names that it cannot show, and why ("not in the archive", "withdrawn on 3 December 2026").</summary>
public sealed record MissingStatement(string Id, string Why);
