using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace Testimonies.Web.Search;

/// <summary>
/// The index on PostgreSQL: the table "StatementSearch" holds, for each published statement, a stemmed
/// tsvector (configuration testimonies_stemmed: English Snowball without stop words, accents folded)
/// weighted by field, and an as-written one (testimonies_exact), each under a GIN index (created by the
/// FullTextSearch migration). The query language is the same, written as tsquery text.
/// </summary>
public sealed class PostgresFullText : IFullTextEngine
{
    private const string StemmedConfiguration = "testimonies_stemmed";
    private const string ExactConfiguration = "testimonies_exact";

    /// <summary>ts_rank's weights for D, C, B, A (reasons, speaker, context, text): bm25's 2 : 2 : 3 : 10 on SQLite.</summary>
    private const string Weights = "'{0.2, 0.2, 0.3, 1.0}'";

    /// <summary>
    /// tsquery syntax: every word single-quoted (words hold only letters, digits and marks, so nothing can close
    /// the quote), a phrase as words that follow each other (&lt;-&gt;).
    /// </summary>
    private static readonly MatchExpressions.Syntax TsQuery = new(
        word => $"'{word}'", start => $"'{start}':*", words => "(" + string.Join(" <-> ", words.Select(w => $"'{w}'")) + ")", " & ", " | ");

    public MatchExpressions Expressions(SearchQuery query) => MatchExpressions.Write(query, TsQuery);

    private static string Vector(string configuration, bool weighted)
    {
        string Field(string sql, char weight) => weighted
            ? $"setweight(to_tsvector('{configuration}', {sql}), '{weight}')"
            : $"to_tsvector('{configuration}', {sql})";
        return string.Join(" || ",
            Field("""s."Text" """, 'A'),
            Field("""coalesce(s."Context", '')""", 'B'),
            Field("""concat_ws(' ', sp."Name", sp."Description", sp."Nationality")""", 'C'),
            Field("""coalesce((SELECT string_agg(r."Name", '; ') FROM "StatementReasons" sr """ +
                """JOIN "Reasons" r ON r."Id" = sr."ReasonsId" WHERE sr."StatementsId" = s."Id"), '')""", 'D'));
    }

    private static string Fill(string where) => $"""
        INSERT INTO "StatementSearch" ("StatementId", "Stemmed", "Exact")
        {Rows(where)};
        """;

    /// <summary>What the index holds for each published statement, as a rebuild computes it now.</summary>
    private static string Rows(string where) => $"""
        SELECT s."Id", {Vector(StemmedConfiguration, weighted: true)}, {Vector(ExactConfiguration, weighted: false)}
        FROM "Statements" s JOIN "Speakers" sp ON sp."Id" = s."SpeakerId"
        WHERE s."Status" = 'Published' {where}
        """;

    public int RebuildAbove => int.MaxValue;

    public async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await SqlCommands.ExecuteAsync(db, """DELETE FROM "StatementSearch";""", cancellationToken);
        await SqlCommands.ExecuteAsync(db, Fill(""), cancellationToken);
    }

    public async Task SyncAsync(ArchiveDbContext db, string ids, CancellationToken cancellationToken)
    {
        await SqlCommands.ExecuteAsync(db, $"""DELETE FROM "StatementSearch" WHERE "StatementId" IN ({ids});""", cancellationToken);
        await SqlCommands.ExecuteAsync(db, Fill($"""AND s."Id" IN ({ids})"""), cancellationToken);
    }

    public Task<(long Published, long Indexed)> CountsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqlCommands.PairAsync(connection, """
            SELECT (SELECT count(*) FROM "Statements" WHERE "Status" = 'Published'), (SELECT count(*) FROM "StatementSearch");
            """, cancellationToken);

    public async Task<(long Count, List<int> Ids)> OutOfStepAsync(DbConnection connection, int limit,
        CancellationToken cancellationToken)
    {
        const string stored = """SELECT "StatementId", "Stemmed", "Exact" FROM "StatementSearch" """;
        var differences = $"""
            SELECT "Id" FROM ({Rows("")} EXCEPT {stored}) AS missing
            UNION SELECT "StatementId" FROM ({stored} EXCEPT {Rows("")}) AS stale
            """;
        return await SqlCommands.CountAndFirstAsync(connection, differences, limit, cancellationToken);
    }

    /// <summary>One round trip: the conditions of the four expressions, the ids aggregated into one string.</summary>
    public async Task MatchAsync(DbConnection connection, SearchQuery query, MatchedIds matched, CancellationToken cancellationToken)
    {
        var ts = Expressions(query);
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string? expression, string name, string column, string configuration, bool excluded)
        {
            if (expression is null) return;
            var condition = $"""search."{column}" @@ to_tsquery('{configuration}', @{name})""";
            conditions.Add(excluded ? $"NOT ({condition})" : condition);
            parameters.Add(("@" + name, expression));
        }
        Add(ts.Stemmed, "stemmed", "Stemmed", StemmedConfiguration, excluded: false);
        Add(ts.Exact, "exact", "Exact", ExactConfiguration, excluded: false);
        Add(ts.StemmedExcluded, "stemmedExcluded", "Stemmed", StemmedConfiguration, excluded: true);
        Add(ts.ExactExcluded, "exactExcluded", "Exact", ExactConfiguration, excluded: true);
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var command = SqlCommands.Create(connection, null,
            $"""SELECT string_agg(search."StatementId"::text, ',') FROM "StatementSearch" search {where};""", [.. parameters]);
        if (await command.ExecuteScalarAsync(cancellationToken) is string ids) matched.Require(ids.AsSpan());
        else matched.RequireNone();
    }

    /// <summary>
    /// None kept: PostgreSQL has no cheap list of its words with their counts (ts_stat reads every vector), and its GIN index
    /// intersects lists in the server.
    /// </summary>
    public Task<IReadOnlyDictionary<string, StatementBits>> FrequentWordsAsync(DbConnection connection, DbTransaction? transaction,
        SearchCatalog.Snapshot snapshot, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, StatementBits>>(new Dictionary<string, StatementBits>(StringComparer.Ordinal));

    /// <summary>ts_rank with the field weights, negated so that lower comes first as with bm25; counted first, as on SQLite.</summary>
    public async Task<Dictionary<int, double>?> ScoreAsync(DbConnection connection, SearchQuery query, int limit,
        CancellationToken cancellationToken)
    {
        var ts = Expressions(query);
        var (column, configuration, match) = ts.Stemmed is not null
            ? ("Stemmed", StemmedConfiguration, ts.Stemmed)
            : ("Exact", ExactConfiguration, ts.Exact!);
        var matches = $"""FROM "StatementSearch" search, to_tsquery('{configuration}', @match) query WHERE search."{column}" @@ query""";
        await using var command = SqlCommands.Create(connection, null,
            $"""SELECT count(*) FROM (SELECT 1 {matches} LIMIT {limit + 1}) found;""", ("@match", match));
        if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > limit)
            return null;
        command.CommandText = $"""SELECT search."StatementId", -ts_rank({Weights}, search."{column}", query) {matches};""";
        var scores = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) scores[reader.GetInt32(0)] = reader.GetFloat(1);
        return scores;
    }

    /// <summary>
    /// ts_headline over the whole text and context (HighlightAll), with the private-use marks as its
    /// start and stop strings; statements where the terms mark nothing are left out, as on SQLite.
    /// </summary>
    public async Task<Dictionary<int, (string Text, string Context)>> MarkAsync(DbConnection connection, SearchQuery query, bool asWritten,
        string idList, char markStart, char markEnd, CancellationToken cancellationToken)
    {
        var (configuration, match) = asWritten
            ? (ExactConfiguration, Expressions(query).AnyTermExact)
            : (StemmedConfiguration, Expressions(query).AnyTermStemmed);
        var rows = new Dictionary<int, (string, string)>();
        if (match is null) return rows;
        var options = new StringBuilder().Append("StartSel=").Append(markStart).Append(", StopSel=").Append(markEnd)
            .Append(", HighlightAll=true").ToString();
        await using var command = SqlCommands.Create(connection, null, $"""
            SELECT s."Id",
                   ts_headline('{configuration}', s."Text", query, @options),
                   ts_headline('{configuration}', coalesce(s."Context", ''), query, @options)
            FROM "Statements" s, to_tsquery('{configuration}', @match) query
            WHERE s."Id" IN ({idList});
            """, ("@match", match), ("@options", options));
        var hasPhrase = query.Clauses.Any(clause => clause.Any(term => term.Kind == TermKind.Phrase));
        string Marked(string value) => hasPhrase ? JoinPhraseMarks(value, markStart, markEnd) : value;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (text, context) = (Marked(reader.GetString(1)), Marked(reader.GetString(2)));
            if (text.Contains(markStart, StringComparison.Ordinal) || context.Contains(markStart, StringComparison.Ordinal))
                rows[reader.GetInt32(0)] = (text, context);
        }
        return rows;
    }

    /// <summary>
    /// ts_headline marks each word of a phrase on its own ("[killing] [other]", "[didn]’[t]"); FTS5 marks
    /// the phrase once. Marks separated by nothing but spaces and punctuation are joined, as FTS5 shows them.
    /// </summary>
    internal static string JoinPhraseMarks(string marked, char start, char end) =>
        Regex.Replace(marked, $"{Regex.Escape(end.ToString())}" +
            $"([^\\p{{L}}\\p{{N}}\\p{{M}}{Regex.Escape(start.ToString())}]*){Regex.Escape(start.ToString())}", "$1");
}
