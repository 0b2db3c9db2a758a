namespace Testimonies.Web.Search;

/// <summary>One value of a facet among the results: as the URL spells it, as readers see it, and how many results have it.</summary>
public sealed record FacetValue(string Value, string Label, int Count);
