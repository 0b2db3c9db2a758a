namespace Testimonies.Web.Search;

/// <summary>Facet selections: several values of one facet are alternatives (any); different facets all apply.</summary>
public sealed class SearchFilters(IEnumerable<(Facet Facet, IReadOnlyList<string> Values)> selections)
{
    private readonly Dictionary<Facet, IReadOnlyList<string>> _values =
        selections.Where(s => s.Values.Count > 0).ToDictionary(s => s.Facet, s => s.Values);

    public static readonly SearchFilters None = new([]);

    /// <summary>The values chosen of one facet, in the order they were given; empty when none.</summary>
    public IReadOnlyList<string> this[Facet facet] => _values.GetValueOrDefault(facet, []);

    /// <summary>Every facet's choices in the facet table's order (the same filters give the same key).</summary>
    public string Key => string.Join('\u0002', Facets.All.Select(f => string.Join(',', this[f])));
}
