using Microsoft.AspNetCore.Http.Extensions;
using Testimonies.Web.Rendering;

namespace Testimonies.Web.Search;

/// <summary>
/// A search as it stands in the URL (q, a parameter per facet, sort, page), read leniently: unknown values
/// are dropped with a note, never an error. Shared by the page and every export of it.
/// </summary>
public sealed class SearchParameters
{
    public const int MaxValuesPerFacet = 20;

    public string? Text { get; private init; }
    public SearchFilters Filters { get; private init; } = SearchFilters.None;
    public SearchSort? Sort { get; private init; }
    public int? Page { get; private init; }
    public string? UnreadablePage { get; private init; }
    public List<string> Notes { get; } = [];

    /// <summary>Reads the URL; the values a facet may take come from the catalog the search will run on.</summary>
    public static SearchParameters Read(IQueryCollection query, SearchCatalog.Snapshot snapshot)
    {
        var notes = new List<string>();
        IReadOnlyList<string> Values(Facet facet)
        {
            var values = query[facet.Key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count > MaxValuesPerFacet)
            {
                notes.Add($"Only the first {MaxValuesPerFacet} {facet.Noun} choices were used.");
                values = values.Take(MaxValuesPerFacet).ToList();
            }
            if (!facet.ClosedList) return values;
            var known = facet.Column(snapshot).Values.ToHashSet(StringComparer.Ordinal);
            foreach (var unknown in values.Where(v => !known.Contains(v)))
                notes.Add($"There is no {facet.Noun} “{unknown}”; it was left out of the search.");
            return values.Where(known.Contains).ToList();
        }
        var filters = new SearchFilters(Facets.All.Select(f => (f, Values(f))).ToList());

        SearchSort? sort = null;
        var sortText = query["sort"].ToString();
        if (sortText.Length > 0)
        {
            if (sortText == "relevance") sort = SearchSort.Relevance;
            else if (sortText == "source") sort = SearchSort.Source;
            else notes.Add($"“{sortText}” is not a sort order (relevance or source); the default was used.");
        }

        var pageText = query["page"].ToString();
        var page = Pager.FromQuery(pageText);
        var parameters = new SearchParameters
        {
            Text = query["q"].ToString() is { Length: > 0 } q ? q : null,
            Filters = filters,
            Sort = sort,
            Page = page,
            UnreadablePage = page is null ? pageText : null,
        };
        parameters.Notes.AddRange(notes);
        return parameters;
    }

    public SearchRequest ToRequest(int pageSize) => new(Text, Filters, Sort, Page ?? 1, pageSize);

    /// <summary>The current search as query-string pairs, with one change applied.</summary>
    public string Url(string path, Facet? add = null, string? addValue = null, Facet? remove = null, string? removeValue = null,
        string? sort = "", int? page = null)
    {
        var builder = new QueryBuilder();
        if (Text is not null) builder.Add("q", Text);
        foreach (var facet in Facets.All)
        {
            var values = Filters[facet];
            foreach (var value in values.Where(v => !(facet == remove && v == removeValue)))
                builder.Add(facet.Key, value);
            if (facet == add && addValue is not null && !values.Contains(addValue)) builder.Add(facet.Key, addValue);
        }
        var sortValue = sort == "" ? Sort?.ToString().ToLowerInvariant() : sort;
        if (sortValue is not null) builder.Add("sort", sortValue);
        if (page is > 1) builder.Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path + builder.ToQueryString();
    }
}
