namespace Testimonies.Web.Search;

/// <summary>One page of a search's results, the facet counts of all of them (by facet key), and how they were sorted.</summary>
public sealed record SearchResult(
    SearchQuery Query,
    SearchSort Sort,
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? RankingNote)
{
    /// <summary>Whether the results could be listed by relevance instead (words to rank by, and not too many matches).</summary>
    public bool CanRankByRelevance => Query.HasTerms && RankingNote is null;
}
