using System.Net;
using System.Text;

namespace Testimonies.Web.Search;

/// <summary>
/// Runs a search: the full-text index for the words (one round trip, <see cref="SearchIndex"/>), the in-memory
/// <see cref="SearchCatalog"/> for facet filters, facet counts and order, then one page of statements through
/// EF. Only published statements are in the index and the catalog, so the public never finds anything else.
/// </summary>
public sealed class StatementSearch(SearchIndex index, SearchCatalog catalog)
{
    /// <summary>
    /// Ranking costs about a microsecond for every row the words match, so beyond this many the list is
    /// sorted by source order instead and the page says so (see docs/search.md).
    /// </summary>
    public const int MaxRankedResults = 5000;

    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public SearchCatalog Catalog => catalog;

    public async Task<SearchResult> RunAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken) =>
        await RunAsync(db, await catalog.GetAsync(db, cancellationToken), request, cancellationToken);

    /// <summary>Runs the search on a catalog the caller already holds (the page read its parameters from it).</summary>
    public async Task<SearchResult> RunAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot, SearchRequest request,
        CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var query = SearchQuery.Parse(request.Text);

        // A search seen before in this archive version (the same words, filters and sort, another page) reuses its result.
        var resultKey = string.Join('\u0003', query.Text, request.Filters.Key, request.Sort?.ToString() ?? "");
        var seenBefore = true;
        if (!snapshot.Results.TryGetValue(resultKey, out var remembered))
        {
            seenBefore = false;
            remembered = await ComputeAsync(db, snapshot, query, request, cancellationToken);
            if (snapshot.Results.Count >= SearchCatalog.MaxRememberedResults) snapshot.Results.Clear();
            snapshot.Results[resultKey] = remembered;
        }

        var skip = Math.Max(0, (request.Page - 1) * request.PageSize);
        var ids = remembered.Page(skip, request.PageSize).Select(i => snapshot.Ids[i]).ToList();

        var highlights = await HighlightsAsync(db, query, ids, cancellationToken);
        // One page of cards: the rows by primary key, their reasons from the catalog (no join over the link table).
        // Published ones only: a previous catalog (GetWithoutWaitingAsync) may still hold a statement withdrawn since.
        var reasons = snapshot.Reasons;
        var byId = (await db.PublishedStatements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(StatementCard.WithoutReasons)
            .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c with
            {
                Reasons = [.. reasons.ValuesOf(snapshot.IndexOfId[c.Id]).ToArray()
                    .Select(r => new ReasonLink(reasons.Values[r], reasons.Labels[r]))],
            });
        var hits = ids.Where(byId.ContainsKey).Select(id =>
        {
            var card = byId[id];
            highlights.TryGetValue(id, out var marked);
            return new SearchHit(card, marked.Text ?? WebUtility.HtmlEncode(card.Text), marked.Context);
        }).ToList();

        ArchiveMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("remembered", seenBefore));
        return new SearchResult(query, remembered.Sort, remembered.Total, hits, remembered.Facets, remembered.RankingNote);
    }

    /// <summary>Matches, facet counts and order of a search, before paging.</summary>
    private async Task<SearchCatalog.RememberedResult> ComputeAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot,
        SearchQuery query, SearchRequest request, CancellationToken cancellationToken)
    {
        var (matched, byWords) = await MatchAsync(db, snapshot, query, request.Filters, cancellationToken);
        var facets = CountFacets(snapshot, matched);

        var sort = request.Sort ?? (query.HasTerms ? SearchSort.Relevance : SearchSort.Source);
        string? rankingNote = null;
        Dictionary<int, double>? scores = null;
        if (sort == SearchSort.Relevance && !query.HasTerms)
        {
            sort = SearchSort.Source;
        }
        else if (sort == SearchSort.Relevance)
        {
            scores = await index.ScoreAsync(db, query, MaxRankedResults, byWords, cancellationToken);
            if (scores is null)
            {
                sort = SearchSort.Source;
                rankingNote = "Too many statements contain these words to rank them all by relevance; they are listed in the order of "
                    + "their sources. Add words to narrow the search.";
            }
        }

        // matched is in catalog order, which is source order; relevance re-sorts it, ties keep source order.
        var ranked = scores is null ? null
            : matched.Members().OrderBy(i => scores.GetValueOrDefault(snapshot.Ids[i], 0)).ThenBy(i => i).ToArray();
        return new SearchCatalog.RememberedResult(ranked, scores is null ? matched : null, ranked?.Length ?? matched.Size(), facets, sort,
            rankingNote);
    }

    /// <summary>The ids of every matching published statement in source order, for exports.</summary>
    public async Task<List<int>> AllIdsAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(db, cancellationToken);
        var (matched, _) = await MatchAsync(db, snapshot, SearchQuery.Parse(request.Text), request.Filters, cancellationToken);
        return matched.Members().Select(i => snapshot.Ids[i]).ToList();
    }

    /// <summary>
    /// Catalog indices (so, in source order) of the published statements that match the words and the
    /// facet filters. The words cost a query to the index whose ids come back as one value, rather than
    /// a row each (<see cref="MatchedIds"/>); the filters are checked in memory. With them, how many statements the words alone
    /// match (every one when there are none).
    /// </summary>
    private async Task<(StatementBits Matched, int ByWords)> MatchAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot,
        SearchQuery query, SearchFilters filters, CancellationToken cancellationToken)
    {
        // One bit per statement, so that many word sets can be remembered.
        StatementBits? byWords = null;
        if (!query.IsEmpty && !snapshot.WordMatches.TryGetValue(query.Text, out byWords))
        {
            byWords = await index.MatchAsync(db, snapshot, query, cancellationToken);
            if (snapshot.WordMatches.Count >= SearchCatalog.MaxRememberedWordSets) snapshot.WordMatches.Clear();
            snapshot.WordMatches[query.Text] = byWords;
        }

        // Each chosen facet as a mark per value of its column; values the column does not have match nothing.
        var chosen = Facets.All.Where(f => filters[f].Count > 0).Select(f =>
        {
            var column = f.Column(snapshot);
            var selected = new bool[column.Values.Count];
            foreach (var value in filters[f]) if (column.IndexOf(value) is >= 0 and var v) selected[v] = true;
            return (column, selected);
        }).ToArray();

        // A copy: the remembered word set stays as the words found it.
        var matched = byWords?.Copy() ?? StatementBits.All(snapshot.Count);
        var wordCount = byWords?.Size() ?? snapshot.Count;
        if (chosen.Length == 0) return (matched, wordCount);
        foreach (var i in matched.Members())
        {
            foreach (var (column, selected) in chosen)
            {
                if (column.HasAny(i, selected)) continue;
                matched.Remove(i);
                break;
            }
        }
        return (matched, wordCount);
    }

    /// <summary>
    /// Each facet's values among the matches, with counts: in the table's order, or most frequent first. When most of the archive
    /// matches, the statements that do not are counted and taken from the archive's totals: the cost follows the smaller side.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<FacetValue>> CountFacets(SearchCatalog.Snapshot snapshot, StatementBits matched)
    {
        var fromTotals = matched.Size() > snapshot.Count / 2;
        return Facets.All.ToDictionary(f => f.Key, IReadOnlyList<FacetValue> (f) =>
        {
            var column = f.Column(snapshot);
            int[] counts;
            if (fromTotals)
            {
                var others = new int[column.Values.Count];
                foreach (var i in matched.NonMembers()) column.Count(i, others);
                counts = snapshot.CountAll(column);
                for (var v = 0; v < counts.Length; v++) counts[v] -= others[v];
            }
            else
            {
                counts = new int[column.Values.Count];
                foreach (var i in matched.Members()) column.Count(i, counts);
            }
            var values = counts.Select((count, v) => new FacetValue(column.Values[v], column.Labels[v], count)).Where(v => v.Count > 0);
            return f.OrderByCount
                ? [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal)]
                : [.. values];
        });
    }

    /// <summary>
    /// The words of each statement with matched terms in &lt;mark&gt;, HTML-encoded. The index marks the
    /// matches with private-use characters; the text is encoded first, then those become tags.
    /// </summary>
    private async Task<Dictionary<int, (string? Text, string? Context)>> HighlightsAsync(
        ArchiveDbContext db, SearchQuery query, List<int> ids, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<int, (string? Text, string? Context)>();
        if (ids.Count == 0 || !query.HasTerms) return marked;
        var stemmed = await index.MarkAsync(db, query, asWritten: false, ids, MarkStart, MarkEnd, cancellationToken);
        var exact = await index.MarkAsync(db, query, asWritten: true, ids, MarkStart, MarkEnd, cancellationToken);
        foreach (var id in ids)
        {
            stemmed.TryGetValue(id, out var a);
            exact.TryGetValue(id, out var b);
            var text = Merge(a.Text, b.Text);
            // A context note is Markdown: its excerpt is shown as text ("fitna", not "*fitna*"), with its marks kept.
            var context = PlainContext(Merge(a.Context, b.Context));
            marked[id] = (text is null ? null : ToHtml(text),
                context is not null && context.Contains(MarkStart, StringComparison.Ordinal) ? ToHtml(Excerpt(context)) : null);
        }
        return marked;
    }

    /// <summary>
    /// A marked context note without its Markdown; without marks when the markup split a pair of them (in a link's address).
    /// </summary>
    internal static string? PlainContext(string? marked)
    {
        // Only a note with a mark is shown; one without is not worth rendering (most notes, for most searches).
        if (marked is null || !marked.Contains(MarkStart, StringComparison.Ordinal)) return null;
        var plain = Rendering.Markdown.ToPlainText(marked);
        if (plain.Count(c => c == MarkStart) == plain.Count(c => c == MarkEnd)) return plain;
        return plain.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
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
