using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
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

    public bool Any => Reasons.Count + Themes.Count + Nationalities.Count + Kinds.Count + Sources.Count > 0;
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
/// Runs a search: FTS5 for the words, SQL for the facets, one page of statements through EF.
/// Only published statements are in the index, so the public never finds anything else.
/// </summary>
public static class StatementSearch
{
    /// <summary>
    /// bm25 costs about a microsecond for every matching row, so beyond this many results the list is
    /// sorted by source order instead and the page says so (see docs/search.md).
    /// </summary>
    public const int MaxRankedResults = 5000;

    public const string NotStated = "not-stated";

    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public static async Task<SearchResult> RunAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Text);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);

        using var command = connection.CreateCommand();
        var results = ResultsSql(query, request.Filters, command);

        command.CommandText = $"{results} SELECT count(*) FROM results;";
        var total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        var facets = await FacetsAsync(command, results, cancellationToken);

        var hasTerms = query.AnyTermStemmed is not null;
        var sort = request.Sort ?? (hasTerms ? SearchSort.Relevance : SearchSort.Source);
        string? rankingNote = null;
        if (sort == SearchSort.Relevance && !hasTerms)
        {
            sort = SearchSort.Source;
        }
        else if (sort == SearchSort.Relevance && total > MaxRankedResults)
        {
            sort = SearchSort.Source;
            rankingNote = $"{total:N0} statements match, too many to rank by relevance; they are listed in the order of their sources. Add words or choose facets to narrow the search.";
        }

        var skip = Math.Max(0, (request.Page - 1) * request.PageSize);
        command.Parameters.AddWithValue("$take", request.PageSize);
        command.Parameters.AddWithValue("$skip", skip);
        if (sort == SearchSort.Relevance)
        {
            command.Parameters.AddWithValue("$any", query.AnyTermStemmed);
            command.CommandText = $"""
                {results}
                SELECT r.Id FROM results r
                LEFT JOIN (SELECT rowid AS Id, bm25({SearchIndex.Stemmed}, {SearchIndex.Weights}) AS score
                           FROM {SearchIndex.Stemmed} WHERE {SearchIndex.Stemmed} MATCH $any AND rowid IN (SELECT Id FROM results)) m ON m.Id = r.Id
                ORDER BY coalesce(m.score, 0), r.SourceTitle, r.SourceId, r.Position
                LIMIT $take OFFSET $skip;
                """;
        }
        else
        {
            command.CommandText = $"{results} SELECT Id FROM results ORDER BY SourceTitle, SourceId, Position LIMIT $take OFFSET $skip;";
        }
        var ids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt32(0));
        }

        var highlights = await HighlightsAsync(connection, query, ids, cancellationToken);
        var byId = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(StatementCard.FromStatement)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var hits = ids.Where(byId.ContainsKey).Select(id =>
        {
            var card = byId[id];
            highlights.TryGetValue(id, out var marked);
            return new SearchHit(card, marked.Text ?? WebUtility.HtmlEncode(card.Text), marked.Context);
        }).ToList();

        return new SearchResult(query, sort, total, hits, facets, rankingNote);
    }

    /// <summary>The ids of every matching published statement, for exports.</summary>
    public static async Task<List<int>> AllIdsAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(request.Text);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"{ResultsSql(query, request.Filters, command)} SELECT Id FROM results ORDER BY SourceTitle, SourceId, Position;";
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt32(0));
        return ids;
    }

    /// <summary>
    /// A WITH clause defining "results": the matching published statements after the facet filters.
    /// Every value from the request is a parameter; only fixed SQL is concatenated.
    /// </summary>
    private static string ResultsSql(SearchQuery query, SearchFilters filters, SqliteCommand command)
    {
        var hits = new StringBuilder();
        if (query.Stemmed is not null)
        {
            hits.Append($"SELECT rowid FROM {SearchIndex.Stemmed} WHERE {SearchIndex.Stemmed} MATCH $stemmed");
            command.Parameters.AddWithValue("$stemmed", query.Stemmed);
        }
        if (query.Exact is not null)
        {
            if (hits.Length > 0) hits.Append(" INTERSECT ");
            hits.Append($"SELECT rowid FROM {SearchIndex.Exact} WHERE {SearchIndex.Exact} MATCH $exact");
            command.Parameters.AddWithValue("$exact", query.Exact);
        }
        if (hits.Length == 0 && (query.StemmedExcluded is not null || query.ExactExcluded is not null))
            hits.Append($"SELECT rowid FROM {SearchIndex.Stemmed}");
        if (query.StemmedExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {SearchIndex.Stemmed} WHERE {SearchIndex.Stemmed} MATCH $stemmedExcluded");
            command.Parameters.AddWithValue("$stemmedExcluded", query.StemmedExcluded);
        }
        if (query.ExactExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {SearchIndex.Exact} WHERE {SearchIndex.Exact} MATCH $exactExcluded");
            command.Parameters.AddWithValue("$exactExcluded", query.ExactExcluded);
        }

        var where = new StringBuilder("s.Status = 'Published'");
        if (hits.Length > 0) where.Append($" AND s.Id IN ({hits})");
        if (filters.Kinds.Count > 0)
            where.Append($" AND s.Kind IN ({Parameters(command, "kind", filters.Kinds.Select(Capitalized))})");
        if (filters.Sources.Count > 0)
            where.Append($" AND so.Key IN ({Parameters(command, "source", filters.Sources)})");
        if (filters.Nationalities.Count > 0)
        {
            var named = filters.Nationalities.Where(n => n != NotStated).ToList();
            var conditions = new List<string>();
            if (named.Count > 0) conditions.Add($"sp.Nationality IN ({Parameters(command, "nationality", named)})");
            if (named.Count < filters.Nationalities.Count) conditions.Add("sp.Nationality IS NULL");
            where.Append($" AND ({string.Join(" OR ", conditions)})");
        }
        if (filters.Reasons.Count > 0)
            where.Append($" AND EXISTS (SELECT 1 FROM StatementReasons sr JOIN Reasons re ON re.Id = sr.ReasonsId WHERE sr.StatementsId = s.Id AND re.Slug IN ({Parameters(command, "reason", filters.Reasons)}))");
        if (filters.Themes.Count > 0)
            where.Append($" AND EXISTS (SELECT 1 FROM StatementReasons sr JOIN Reasons re ON re.Id = sr.ReasonsId WHERE sr.StatementsId = s.Id AND re.Theme IN ({Parameters(command, "theme", filters.Themes.Select(ThemeName))}))");

        return $"""
            WITH results AS MATERIALIZED (
                SELECT s.Id, s.Kind, s.SourceId, s.SpeakerId, s.Position, so.Title AS SourceTitle, sp.Nationality
                FROM Statements s JOIN Sources so ON so.Id = s.SourceId JOIN Speakers sp ON sp.Id = s.SpeakerId
                WHERE {where})
            """;
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>> FacetsAsync(SqliteCommand command, string results, CancellationToken cancellationToken)
    {
        command.CommandText = $"""
            {results}
            SELECT 'reason', re.Slug, re.Name, count(*), min(re.Position) FROM results r JOIN StatementReasons sr ON sr.StatementsId = r.Id JOIN Reasons re ON re.Id = sr.ReasonsId GROUP BY re.Id
            UNION ALL
            SELECT 'theme', re.Theme, re.Theme, count(DISTINCT r.Id), min(re.Position) FROM results r JOIN StatementReasons sr ON sr.StatementsId = r.Id JOIN Reasons re ON re.Id = sr.ReasonsId GROUP BY re.Theme
            UNION ALL
            SELECT 'nationality', coalesce(r.Nationality, '{NotStated}'), coalesce(r.Nationality, 'Not stated'), count(*), 0 FROM results r GROUP BY r.Nationality
            UNION ALL
            SELECT 'kind', lower(r.Kind), r.Kind, count(*), 0 FROM results r GROUP BY r.Kind
            UNION ALL
            SELECT 'source', so.Key, coalesce(so.ChapterTitle, so.Title), count(*), 0 FROM results r JOIN Sources so ON so.Id = r.SourceId GROUP BY so.Id;
            """;
        var facets = new Dictionary<string, List<(FacetValue Value, long Order)>>
        {
            ["reason"] = [], ["theme"] = [], ["nationality"] = [], ["kind"] = [], ["source"] = [],
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facet = reader.GetString(0);
            var value = reader.GetString(1);
            var label = facet switch
            {
                "theme" => Enum.TryParse<Theme>(value, out var theme) ? theme.Name() : value,
                "kind" => value == "quotation" ? "Quotation" : "Paraphrase",
                _ => reader.GetString(2),
            };
            if (facet == "theme" && Enum.TryParse<Theme>(value, out var t)) value = t.Slug();
            facets[facet].Add((new FacetValue(value, label, reader.GetInt32(3)), reader.GetInt64(4)));
        }
        return facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)(f.Key is "reason" or "theme"
                ? f.Value.OrderBy(v => v.Order).Select(v => v.Value).ToList()
                : f.Value.OrderByDescending(v => v.Value.Count).ThenBy(v => v.Value.Label, StringComparer.Ordinal).Select(v => v.Value).ToList()));
    }

    /// <summary>
    /// The words of each statement with matched terms in &lt;mark&gt;, HTML-encoded. FTS5 marks the
    /// matches with private-use characters; the text is encoded first, then those become tags.
    /// </summary>
    private static async Task<Dictionary<int, (string? Text, string? Context)>> HighlightsAsync(
        SqliteConnection connection, SearchQuery query, List<int> ids, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<int, (string? Text, string? Context)>();
        if (ids.Count == 0 || query.AnyTermStemmed is null) return marked;
        var idList = string.Join(',', ids); // integers only

        async Task<Dictionary<int, (string Text, string Context)>> ReadAsync(string table, string match)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT rowid, highlight({table}, 0, char(57344), char(57345)), highlight({table}, 1, char(57344), char(57345))
                FROM {table} WHERE {table} MATCH $match AND rowid IN ({idList});
                """;
            command.Parameters.AddWithValue("$match", match);
            var rows = new Dictionary<int, (string, string)>();
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
            return rows;
        }

        var stemmed = await ReadAsync(SearchIndex.Stemmed, query.AnyTermStemmed);
        var exact = query.AnyTermExact is null ? [] : await ReadAsync(SearchIndex.Exact, query.AnyTermExact);
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

    private static string Parameters(SqliteCommand command, string name, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var (value, index) in values.Select((v, i) => (v, i)))
        {
            var parameter = $"${name}{index}";
            command.Parameters.AddWithValue(parameter, value);
            names.Add(parameter);
        }
        return string.Join(", ", names);
    }

    private static string Capitalized(string kind) => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant();

    private static string ThemeName(string slug) =>
        Enum.GetValues<Theme>().FirstOrDefault(t => t.Slug() == slug) is var theme && theme.Slug() == slug ? theme.ToString() : slug;
}
