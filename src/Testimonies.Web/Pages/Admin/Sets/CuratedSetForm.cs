namespace Testimonies.Web.Pages.Admin.Sets;

/// <summary>A curated set's form as posted: each field as the editor typed it.</summary>
public sealed record CuratedSetForm(string? Slug, string? Title, string? Description, string? Ids, bool Published);
