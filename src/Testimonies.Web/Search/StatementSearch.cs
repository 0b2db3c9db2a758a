using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Search;

public enum SearchSort
{
    Relevance,
    Source,
}

/// <summary>Facet selections: several values of one facet are alternatives (any); different facets all apply.</summary>
public sealed record SearchFilters(
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Sources)
{
    public static readonly SearchFilters None = new([], [], [], [], []);
}

public sealed record SearchRequest(string? Text, SearchFilters Filters, SearchSort? Sort = null, int Page = 1, int PageSize = 20);

public sealed record SearchHit(StatementCard Card, string TextHtml, string? ContextHtml);

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchResult(
    SearchQuery Query,
    SearchSort Sort,
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? RankingNote);

/// <summary>
/// Runs a search: the full-text index for the words (one round trip, SearchIndex), the in-memory SearchCatalog for facet filters,
/// facet counts and order, then one page of statements through EF. Only published statements are in
/// the index and the catalog, so the public never finds anything else.
/// </summary>
public static class StatementSearch
{
    /// <summary>
    /// bm25 costs about a microsecond for every row the words match, so beyond this many the list is
    /// sorted by source order instead and the page says so (see docs/search.md).
    /// </summary>
    public const int MaxRankedResults = 5000;

    public const string NotStated = "not-stated";

    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public static async Task<SearchResult> RunAsync(ArchiveDbContext db, SearchCatalog catalog, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Text);
        var snapshot = await catalog.GetAsync(db, cancellationToken);

        // A search seen before in this archive version (the same words, filters and sort, another page) reuses its result.
        var resultKey = string.Join('\u0002', WordsKey(query), string.Join(',', request.Filters.Reasons), string.Join(',', request.Filters.Themes),
            string.Join(',', request.Filters.Nationalities), string.Join(',', request.Filters.Kinds), string.Join(',', request.Filters.Sources), request.Sort?.ToString() ?? "");
        if (!snapshot.Results.TryGetValue(resultKey, out var remembered))
        {
            remembered = await ComputeAsync(db, snapshot, query, request, cancellationToken);
            if (snapshot.Results.Count >= SearchCatalog.MaxRememberedResults) snapshot.Results.Clear();
            snapshot.Results[resultKey] = remembered;
        }

        var skip = Math.Max(0, (request.Page - 1) * request.PageSize);
        var ids = remembered.Ordered.Skip(skip).Take(request.PageSize).Select(i => snapshot.Ids[i]).ToList();

        var highlights = await HighlightsAsync(db, query, ids, cancellationToken);
        // One page of cards: the rows by primary key, their reasons from the catalog (no join over the link table).
        var byId = (await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(StatementCard.WithoutReasons)
            .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c with
            {
                Reasons = snapshot.Reasons[snapshot.IndexOfId[c.Id]].Select(r => new ReasonLink(snapshot.ReasonSlugs[r], snapshot.ReasonNames[r])).ToList(),
            });
        var hits = ids.Where(byId.ContainsKey).Select(id =>
        {
            var card = byId[id];
            highlights.TryGetValue(id, out var marked);
            return new SearchHit(card, marked.Text ?? WebUtility.HtmlEncode(card.Text), marked.Context);
        }).ToList();

        return new SearchResult(query, remembered.Sort, remembered.Ordered.Length, hits, remembered.Facets, remembered.RankingNote);
    }

    /// <summary>Matches, facet counts and order of a search, before paging.</summary>
    private static async Task<SearchCatalog.RememberedResult> ComputeAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot,
        SearchQuery query, SearchRequest request, CancellationToken cancellationToken)
    {
        var matched = await MatchAsync(db, snapshot, query, request.Filters, cancellationToken);
        var facets = CountFacets(snapshot, matched);

        var hasTerms = query.AnyTermStemmed is not null;
        var sort = request.Sort ?? (hasTerms ? SearchSort.Relevance : SearchSort.Source);
        string? rankingNote = null;
        Dictionary<int, double>? scores = null;
        if (sort == SearchSort.Relevance && !hasTerms)
        {
            sort = SearchSort.Source;
        }
        else if (sort == SearchSort.Relevance)
        {
            scores = await SearchIndex.ScoresAsync(db, query, MaxRankedResults, cancellationToken);
            if (scores is null)
            {
                sort = SearchSort.Source;
                rankingNote = "Too many statements contain these words to rank them all by relevance; they are listed in the order of their sources. Add words to narrow the search.";
            }
        }

        // matched is in catalog order, which is source order; relevance re-sorts it, ties keep source order.
        var ordered = scores is null ? matched.ToArray() : matched.OrderBy(i => scores.GetValueOrDefault(snapshot.Ids[i], 0)).ThenBy(i => i).ToArray();
        return new SearchCatalog.RememberedResult(ordered, facets, sort, rankingNote);
    }

    private static string WordsKey(SearchQuery query) =>
        $"{query.Stemmed}\u0001{query.Exact}\u0001{query.StemmedExcluded}\u0001{query.ExactExcluded}";

    /// <summary>The ids of every matching published statement in source order, for exports.</summary>
    public static async Task<List<int>> AllIdsAsync(ArchiveDbContext db, SearchCatalog catalog, SearchRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(db, cancellationToken);
        var matched = await MatchAsync(db, snapshot, SearchQuery.Parse(request.Text), request.Filters, cancellationToken);
        return matched.Select(i => snapshot.Ids[i]).ToList();
    }

    /// <summary>
    /// Catalog indices (so, in source order) of the published statements that match the words and the
    /// facet filters. The words cost one round trip to the index whose ids come back as one string,
    /// rather than a row each; the filters are checked in memory.
    /// </summary>
    private static async Task<List<int>> MatchAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot, SearchQuery query,
        SearchFilters filters, CancellationToken cancellationToken)
    {
        // One bit per statement: 12.5 KB per remembered word set at 100,000 statements (a bool[] took 100 KB).
        System.Collections.BitArray? byWords = null;
        var key = WordsKey(query);
        if (!query.IsEmpty && !snapshot.WordMatches.TryGetValue(key, out byWords))
        {
            byWords = new System.Collections.BitArray(snapshot.Count);
            if (await SearchIndex.MatchingIdsAsync(db, query, cancellationToken) is { } list)
            {
                foreach (var range in list.AsSpan().Split(','))
                {
                    var id = int.Parse(list.AsSpan()[range], System.Globalization.CultureInfo.InvariantCulture);
                    if (id < snapshot.IndexOfId.Length && snapshot.IndexOfId[id] is >= 0 and var index) byWords[index] = true;
                }
            }
            if (snapshot.WordMatches.Count >= SearchCatalog.MaxRememberedWordSets) snapshot.WordMatches.Clear();
            snapshot.WordMatches[key] = byWords;
        }

        var kinds = filters.Kinds.Select(k => k == "quotation" ? (byte)0 : (byte)1).ToHashSet();
        var sources = filters.Sources.Select(k => (short)Array.IndexOf(snapshot.SourceKeys, k)).ToHashSet();
        var nationalities = filters.Nationalities.Select(n => n == NotStated ? (short)0 : (short)Array.IndexOf(snapshot.Nationalities, n)).ToHashSet();
        var reasons = filters.Reasons.Select(r => (short)Array.IndexOf(snapshot.ReasonSlugs, r)).ToHashSet();
        var themeMask = filters.Themes.Aggregate(0, (mask, slug) =>
            ThemeNames.BySlug.TryGetValue(slug, out var theme) ? mask | 1 << (int)theme : mask);

        var matched = new List<int>();
        for (var i = 0; i < snapshot.Count; i++)
        {
            if (byWords is not null && !byWords[i]) continue;
            if (kinds.Count > 0 && !kinds.Contains(snapshot.Kind[i])) continue;
            if (sources.Count > 0 && !sources.Contains(snapshot.Source[i])) continue;
            if (nationalities.Count > 0 && !nationalities.Contains(snapshot.Nationality[i])) continue;
            if (reasons.Count > 0 && !snapshot.Reasons[i].Any(reasons.Contains)) continue;
            if (filters.Themes.Count > 0 && (snapshot.Themes[i] & themeMask) == 0) continue;
            matched.Add(i);
        }
        return matched;
    }

    private static Dictionary<string, IReadOnlyList<FacetValue>> CountFacets(SearchCatalog.Snapshot snapshot, List<int> matched)
    {
        var reasons = new int[snapshot.ReasonSlugs.Length];
        var themes = new int[Enum.GetValues<Theme>().Length];
        var nationalities = new int[snapshot.Nationalities.Length];
        var kinds = new int[2];
        var sources = new int[snapshot.SourceKeys.Length];
        foreach (var i in matched)
        {
            foreach (var reason in snapshot.Reasons[i]) reasons[reason]++;
            for (var t = 0; t < themes.Length; t++) if ((snapshot.Themes[i] & (1 << t)) != 0) themes[t]++;
            nationalities[snapshot.Nationality[i]]++;
            kinds[snapshot.Kind[i]]++;
            sources[snapshot.Source[i]]++;
        }

        static List<FacetValue> ByCount(IEnumerable<FacetValue> values) =>
            values.Where(v => v.Count > 0).OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal).ToList();

        return new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["reason"] = reasons.Select((count, r) => new FacetValue(snapshot.ReasonSlugs[r], snapshot.ReasonNames[r], count)).Where(v => v.Count > 0).ToList(),
            ["theme"] = Enum.GetValues<Theme>().Select(t => new FacetValue(t.Slug(), t.Name(), themes[(int)t])).Where(v => v.Count > 0).ToList(),
            ["nationality"] = ByCount(nationalities.Select((count, n) => new FacetValue(n == 0 ? NotStated : snapshot.Nationalities[n], snapshot.Nationalities[n], count))),
            ["kind"] = ByCount([new FacetValue("quotation", "Quotation", kinds[0]), new FacetValue("paraphrase", "Paraphrase", kinds[1])]),
            ["source"] = ByCount(sources.Select((count, n) => new FacetValue(snapshot.SourceKeys[n], snapshot.SourceLabels[n], count))),
        };
    }

    /// <summary>
    /// The words of each statement with matched terms in &lt;mark&gt;, HTML-encoded. The index marks the
    /// matches with private-use characters; the text is encoded first, then those become tags.
    /// </summary>
    private static async Task<Dictionary<int, (string? Text, string? Context)>> HighlightsAsync(
        ArchiveDbContext db, SearchQuery query, List<int> ids, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<int, (string? Text, string? Context)>();
        if (ids.Count == 0 || query.AnyTermStemmed is null) return marked;
        var stemmed = await SearchIndex.MarkedAsync(db, query, asWritten: false, ids, MarkStart, MarkEnd, cancellationToken);
        var exact = query.AnyTermExact is null ? [] : await SearchIndex.MarkedAsync(db, query, asWritten: true, ids, MarkStart, MarkEnd, cancellationToken);
        foreach (var id in ids)
        {
            stemmed.TryGetValue(id, out var a);
            exact.TryGetValue(id, out var b);
            var text = Merge(a.Text, b.Text);
            var context = Merge(a.Context, b.Context);
            marked[id] = (text is null ? null : ToHtml(text), context is not null && context.Contains(MarkStart, StringComparison.Ordinal) ? ToHtml(Excerpt(context)) : null);
        }
        return marked;
    }

    /// <summary>Combines the marks of two highlightings of the same text.</summary>
    internal static string? Merge(string? first, string? second)
    {
        if (first is null) return second;
        if (second is null) return first;
        var plain = Unmarked(first, out var marksA);
        Unmarked(second, out var marksB);
        var result = new StringBuilder();
        var inside = false;
        for (var i = 0; i < plain.Length; i++)
        {
            var marked = marksA[i] || (i < marksB.Length && marksB[i]);
            if (marked != inside) result.Append(marked ? MarkStart : MarkEnd);
            inside = marked;
            result.Append(plain[i]);
        }
        if (inside) result.Append(MarkEnd);
        return result.ToString();
    }

    private static string Unmarked(string text, out bool[] marks)
    {
        var plain = new StringBuilder(text.Length);
        var flags = new List<bool>(text.Length);
        var inside = false;
        foreach (var c in text)
        {
            if (c == MarkStart) { inside = true; continue; }
            if (c == MarkEnd) { inside = false; continue; }
            plain.Append(c);
            flags.Add(inside);
        }
        marks = [.. flags];
        return plain.ToString();
    }

    /// <summary>Encodes everything, then turns the private-use marks into &lt;mark&gt; tags.</summary>
    internal static string ToHtml(string marked) =>
        WebUtility.HtmlEncode(marked)
            .Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>About 30 words around the first mark of a long context note.</summary>
    private static string Excerpt(string marked)
    {
        var words = marked.Split(' ');
        if (words.Length <= 40) return marked;
        var first = Array.FindIndex(words, w => w.Contains(MarkStart, StringComparison.Ordinal));
        var start = Math.Max(0, first - 12);
        var end = Math.Min(words.Length, start + 30);
        var excerpt = string.Join(' ', words[start..end]);
        if (excerpt.Count(c => c == MarkStart) > excerpt.Count(c => c == MarkEnd)) excerpt += MarkEnd;
        return (start > 0 ? "… " : "") + excerpt + (end < words.Length ? " …" : "");
    }
}
