using Microsoft.AspNetCore.Http.Extensions;
using Testimonies.Web.Archive;
using Testimonies.Web.Rendering;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Search;

/// <summary>
/// A search as it stands in the URL (q, reason, theme, nationality, kind, source, sort, page), read
/// leniently: unknown values are dropped with a note, never an error. Shared by the page and the exports.
/// </summary>
public sealed class SearchParameters
{
    public const int MaxValuesPerFacet = 20;

    public static readonly string[] FacetNames = ["reason", "theme", "nationality", "kind", "source"];

    public string? Text { get; private init; }
    public SearchFilters Filters { get; private init; } = SearchFilters.None;
    public SearchSort? Sort { get; private init; }
    public int? Page { get; private init; }
    public string? UnreadablePage { get; private init; }
    public List<string> Notes { get; } = [];

    public static async Task<SearchParameters> ReadAsync(IQueryCollection query, ArchiveDbContext db, SearchCatalog catalog, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        List<string> Values(string name, IEnumerable<string>? known, string label)
        {
            var values = query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count > MaxValuesPerFacet)
            {
                notes.Add($"Only the first {MaxValuesPerFacet} {label} choices were used.");
                values = values.Take(MaxValuesPerFacet).ToList();
            }
            if (known is null) return values;
            var knownSet = known.ToHashSet(StringComparer.Ordinal);
            foreach (var unknown in values.Where(v => !knownSet.Contains(v)))
                notes.Add($"There is no {label} “{unknown}”; it was left out of the search.");
            return values.Where(knownSet.Contains).ToList();
        }

        // The known reasons and sources come from the search catalog, which has them in memory.
        var snapshot = await catalog.GetAsync(db, cancellationToken);
        var filters = new SearchFilters(
            Values("reason", snapshot.ReasonSlugs, "reason"),
            Values("theme", ThemeNames.BySlug.Keys, "theme"),
            Values("nationality", null, "nationality"),
            Values("kind", ["quotation", "paraphrase"], "kind"),
            Values("source", snapshot.SourceKeys, "source"));

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
    public string Url(string path, string? add = null, string? addValue = null, string? remove = null, string? removeValue = null,
        string? sort = "", int? page = null)
    {
        var builder = new QueryBuilder();
        if (Text is not null) builder.Add("q", Text);
        foreach (var (name, values) in FacetValues())
        {
            foreach (var value in values.Where(v => !(name == remove && v == removeValue)))
                builder.Add(name, value);
            if (name == add && addValue is not null && !values.Contains(addValue)) builder.Add(name, addValue);
        }
        var sortValue = sort == "" ? Sort?.ToString().ToLowerInvariant() : sort;
        if (sortValue is not null) builder.Add("sort", sortValue);
        if (page is > 1) builder.Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path + builder.ToQueryString();
    }

    public IEnumerable<(string Name, IReadOnlyList<string> Values)> FacetValues()
    {
        yield return ("reason", Filters.Reasons);
        yield return ("theme", Filters.Themes);
        yield return ("nationality", Filters.Nationalities);
        yield return ("kind", Filters.Kinds);
        yield return ("source", Filters.Sources);
    }

    public bool IsSelected(string facet, string value) => FacetValues().Any(f => f.Name == facet && f.Values.Contains(value));
}
