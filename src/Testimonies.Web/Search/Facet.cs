namespace Testimonies.Web.Search;

/// <summary>
/// One way to narrow the published statements. <see cref="Key"/> is its URL parameter, the same on /search,
/// its exports and /api/v1/statements; <see cref="Title"/> heads its list on the search page; <see cref="Noun"/>
/// names a value in messages ("There is no reason …"). <see cref="Column"/> says where the search catalog
/// keeps each statement's values of it (search filters and counts in memory); <see cref="Filter"/> is the
/// same selection in SQL, for the API. The table of facets is <see cref="Facets"/>.
/// </summary>
public sealed record Facet(
    string Key,
    string Title,
    string Noun,
    bool ClosedList,
    bool OrderByCount,
    Func<SearchCatalog.Snapshot, FacetColumn> Column,
    Func<IQueryable<Statement>, IReadOnlyList<string>, IQueryable<Statement>> Filter)
{
    /// <summary>Facets are named by their key wherever a dictionary holds them.</summary>
    public override string ToString() => Key;
}
