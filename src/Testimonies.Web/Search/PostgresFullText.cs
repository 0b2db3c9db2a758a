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
public sealed class PostgresFullText(int frequentAtLeast = FrequentTerms.AtLeast) : IFullTextEngine
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

    private static string Field(string configuration, bool weighted, string sql, char weight) => weighted
        ? $"setweight(to_tsvector('{configuration}', {sql}), '{weight}')"
        : $"to_tsvector('{configuration}', {sql})";

    /// <summary>A field's vectors in both configurations, as the columns "Stemmed" and "Exact".</summary>
    private static string Vectors(string sql, char weight) =>
        $"""{Field(StemmedConfiguration, true, sql, weight)} AS "Stemmed", {Field(ExactConfiguration, false, sql, weight)} AS "Exact" """;

    /// <summary>A statement's vector in one configuration: its words and context, then its speaker's and its reasons' vectors.</summary>
    private static string Vector(string configuration, bool weighted, string column) => string.Join(" || ",
        Field(configuration, weighted, """s."Text" """, 'A'),
        Field(configuration, weighted, """coalesce(s."Context", '')""", 'B'),
        $"""speaker."{column}" """,
        $"""coalesce(named."{column}", ''::tsvector)""");

    private static string Fill(string ids) => $"""
        INSERT INTO "StatementSearch" ("StatementId", "Stemmed", "Exact")
        {Rows(ids)};
        """;

    /// <summary>
    /// What the index holds for each published statement (or, given <paramref name="ids"/>, comma-separated, for those), as a
    /// rebuild computes it now. A speaker's vectors are computed once for all their statements, and the reasons' once for each
    /// list of names (a few dozen lists among a hundred thousand statements): the same vectors as field by field for every
    /// statement, for less of the server's time (docs/performance.md). The reasons' names are listed in the order
    /// of their ids so that a statement's vector does not depend on the plan. Begins with WITH: parenthesize it after a set
    /// operator.
    /// </summary>
    private static string Rows(string? ids)
    {
        var speakersOf = ids is null ? "" : $"""WHERE sp."Id" IN (SELECT "SpeakerId" FROM "Statements" WHERE "Id" IN ({ids}))""";
        var reasonsOf = ids is null ? "" : $"""WHERE sr."StatementsId" IN ({ids})""";
        var statements = ids is null ? "" : $"""AND s."Id" IN ({ids})""";
        var speakerVectors = Vectors("""concat_ws(' ', sp."Name", sp."Description", sp."Nationality")""", 'C');
        var reasonVectors = Vectors("\"Names\"", 'D');
        return $"""
            WITH speaker AS MATERIALIZED (
                SELECT sp."Id", {speakerVectors}
                FROM "Speakers" sp {speakersOf}),
            reasons AS MATERIALIZED (
                SELECT sr."StatementsId", string_agg(r."Name", '; ' ORDER BY r."Id") AS "Names"
                FROM "StatementReasons" sr JOIN "Reasons" r ON r."Id" = sr."ReasonsId" {reasonsOf}
                GROUP BY sr."StatementsId"),
            named AS MATERIALIZED (
                SELECT "Names", {reasonVectors} FROM (SELECT DISTINCT "Names" FROM reasons) lists)
            SELECT s."Id" AS "StatementId", {Vector(StemmedConfiguration, weighted: true, "Stemmed")} AS "Stemmed",
                {Vector(ExactConfiguration, weighted: false, "Exact")} AS "Exact"
            FROM "Statements" s JOIN speaker ON speaker."Id" = s."SpeakerId"
            LEFT JOIN reasons ON reasons."StatementsId" = s."Id" LEFT JOIN named ON named."Names" = reasons."Names"
            WHERE s."Status" = 'Published' {statements}
            """;
    }

    public int RebuildAbove => 2000;

    /// <summary>
    /// A tenth: a statement synced costs about ten times its share of a rebuild (each lexeme inserted into GIN on its own), and
    /// searches read the old table while a rebuild builds the new one (docs/performance.md).
    /// </summary>
    public int RebuildFromOneIn => 10;

    /// <summary>How long the swap of a rebuild waits in the lock queue at a time, so searches behind it wait no longer.</summary>
    private static readonly TimeSpan SwapWait = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the swap keeps trying before it gives up on the searches and waits in the queue like anyone.</summary>
    private static readonly TimeSpan SwapPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Builds the index as a new table and puts it in place of the old one. Filling a table under its two GIN indexes
    /// inserts every lexeme one at a time; filling it bare and building the indexes after sorts them in bulk
    /// (docs/performance.md). Searches read the old table meanwhile; they wait only for the swap itself, from the old
    /// table's drop to the commit that follows it (an import writes its index last, ArchiveImport.ApplyAsync).
    /// The drop waits its turn a little at a time (<see cref="SwapWait"/>), so that a search behind it in the lock queue
    /// is never held long.
    /// </summary>
    public async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // The swap is one change or none: a caller outside a transaction (a benchmark, a repair) gets one of its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Not CREATE TABLE AS, which would compute the rows with parallel workers in half the time: on two cores they left
        // searches during an import two to three times as many slow rounds (docs/performance.md).
        await SqlCommands.ExecuteAsync(db, $"""
            SET LOCAL maintenance_work_mem = '256MB';
            CREATE TABLE "StatementSearchNext" ("StatementId" integer NOT NULL, "Stemmed" tsvector NOT NULL, "Exact" tsvector NOT NULL);
            INSERT INTO "StatementSearchNext" ("StatementId", "Stemmed", "Exact") {Rows(null)};
            ALTER TABLE "StatementSearchNext" ADD CONSTRAINT "StatementSearchNext_pkey" PRIMARY KEY ("StatementId");
            CREATE INDEX "IX_StatementSearchNext_Stemmed" ON "StatementSearchNext" USING GIN ("Stemmed") WITH (fastupdate = off);
            CREATE INDEX "IX_StatementSearchNext_Exact" ON "StatementSearchNext" USING GIN ("Exact") WITH (fastupdate = off);
            ANALYZE "StatementSearchNext";
            """, cancellationToken);
        await LockForSwapAsync(db, cancellationToken);
        await SqlCommands.ExecuteAsync(db, """
            DROP TABLE "StatementSearch";
            ALTER TABLE "StatementSearchNext" RENAME TO "StatementSearch";
            ALTER TABLE "StatementSearch" RENAME CONSTRAINT "StatementSearchNext_pkey" TO "StatementSearch_pkey";
            ALTER INDEX "IX_StatementSearchNext_Stemmed" RENAME TO "IX_StatementSearch_Stemmed";
            ALTER INDEX "IX_StatementSearchNext_Exact" RENAME TO "IX_StatementSearch_Exact";
            """, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// For a REPEATABLE READ transaction that reads the index after other tables (SearchCatalog.ReadTransactionAsync): its first
    /// statement, so that its snapshot,
    /// taken by the next, never falls between a rebuild's swap and its commit (it would see the new table, and none of its rows).
    /// </summary>
    public const string LockBeforeSnapshot = """LOCK TABLE "StatementSearch" IN ACCESS SHARE MODE;""";

    /// <summary>
    /// The old table locked for its drop, asked for <see cref="SwapWait"/> at a time (a savepoint undoes each refusal, which
    /// would otherwise end the transaction) with a pause between, in which the searches queued behind the request go on.
    /// </summary>
    private static async Task LockForSwapAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var giveUp = DateTime.UtcNow + SwapPatience;
        while (DateTime.UtcNow < giveUp)
        {
            await SqlCommands.ExecuteAsync(db, "SAVEPOINT search_swap;", cancellationToken);
            try
            {
                await SqlCommands.ExecuteAsync(db, $"""
                    SET LOCAL lock_timeout = '{(int)SwapWait.TotalMilliseconds}ms';
                    LOCK TABLE "StatementSearch" IN ACCESS EXCLUSIVE MODE;
                    """, cancellationToken);
                await SqlCommands.ExecuteAsync(db, "SET LOCAL lock_timeout = DEFAULT; RELEASE SAVEPOINT search_swap;", cancellationToken);
                return;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
            {
                await SqlCommands.ExecuteAsync(db, "ROLLBACK TO SAVEPOINT search_swap;", cancellationToken);
                await Task.Delay(SwapWait, cancellationToken);
            }
        }
        await SqlCommands.ExecuteAsync(db, """LOCK TABLE "StatementSearch" IN ACCESS EXCLUSIVE MODE;""", cancellationToken);
    }

    public async Task SyncAsync(ArchiveDbContext db, string ids, CancellationToken cancellationToken)
    {
        await SqlCommands.ExecuteAsync(db, $"""DELETE FROM "StatementSearch" WHERE "StatementId" IN ({ids});""", cancellationToken);
        await SqlCommands.ExecuteAsync(db, Fill(ids), cancellationToken);
    }

    /// <summary>A sync this large is an import: below it autovacuum's ANALYZE is soon enough.</summary>
    public const int AnalyzeFrom = 1000;

    /// <summary>
    /// After a large sync (a rebuild analyzes its new table itself), ANALYZE of the index table in the writer's transaction (a
    /// sample of 30,000 rows; it takes no lock a reader or writer waits for), so that the next catalog chooses its frequent words
    /// (<see cref="FrequentWordsAsync"/>) and the planner its plans from the new rows rather than waiting for autovacuum.
    /// </summary>
    public async Task SyncedAsync(ArchiveDbContext db, int statements, CancellationToken cancellationToken)
    {
        if (statements >= AnalyzeFrom) await SqlCommands.ExecuteAsync(db, """ANALYZE "StatementSearch";""", cancellationToken);
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
            SELECT "StatementId" FROM ({Rows(null)} EXCEPT {stored}) AS missing
            UNION SELECT "StatementId" FROM ({stored} EXCEPT ({Rows(null)})) AS stale
            """;
        return await SqlCommands.CountAndFirstAsync(connection, differences, limit, cancellationToken);
    }

    /// <summary>
    /// The frequent words alone in their clause from the catalog (their lists would cost a pass over most of the table's rows,
    /// about 1.3 µs each), the rest in one round trip: the conditions of the four expressions, the ids aggregated into one string.
    /// </summary>
    public async Task MatchAsync(DbConnection connection, SearchQuery query, MatchedIds matched, CancellationToken cancellationToken)
    {
        if (matched.WordsToLookUp(query) is { Length: > 0 } words)
        {
            var terms = await TermsAsync(connection, words, cancellationToken);
            foreach (var word in words) matched.RememberTerm(word, terms.GetValueOrDefault(word));
        }
        var ts = Expressions(matched.RequireFrequent(query));
        var parameters = new List<(string, object?)>();
        string? Condition(string? expression, string name, string column, string configuration)
        {
            if (expression is null) return null;
            parameters.Add(("@" + name, expression));
            return $"""search."{column}" @@ to_tsquery('{configuration}', @{name})""";
        }
        var required = new[]
        {
            Condition(ts.Stemmed, "stemmed", "Stemmed", StemmedConfiguration), Condition(ts.Exact, "exact", "Exact", ExactConfiguration),
        }.OfType<string>().ToList();
        var excluded = new[]
        {
            Condition(ts.StemmedExcluded, "stemmedExcluded", "Stemmed", StemmedConfiguration),
            Condition(ts.ExactExcluded, "exactExcluded", "Exact", ExactConfiguration),
        }.OfType<string>().ToList();
        if (required.Count == 0 && excluded.Count == 0) return;
        // Only exclusions left: what they match is taken away (a few rows), rather than listing every other statement.
        var where = required.Count == 0 ? string.Join(" OR ", excluded)
            : string.Join(" AND ", required.Concat(excluded.Select(condition => $"NOT ({condition})")));
        await using var command = SqlCommands.Create(connection, null,
            $"""SELECT string_agg(search."StatementId"::text, ',') FROM "StatementSearch" search WHERE {where};""", [.. parameters]);
        var ids = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (required.Count == 0) matched.Exclude((ids ?? "").AsSpan());
        else if (ids is null) matched.RequireNone();
        else matched.Require(ids.AsSpan());
    }

    /// <summary>
    /// Each word's term as the stemmed column holds it (the lexeme to_tsvector makes of it with the same configuration), in one
    /// round trip; a word that makes no term or more than one is left out.
    /// </summary>
    private static async Task<Dictionary<string, string>> TermsAsync(DbConnection connection, string[] words,
        CancellationToken cancellationToken)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT word, tsvector_to_array(to_tsvector('{StemmedConfiguration}', word)) FROM unnest(@words) AS word;", ("@words", words));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (reader.GetFieldValue<string[]>(1) is [var term]) terms[reader.GetString(0)] = term;
        return terms;
    }

    /// <summary>
    /// The stemmed column's most frequent terms, each with what it matches, keyed by the term. Which terms: the most common elements
    /// ANALYZE found in its sample (pg_stats; PostgreSQL has no cheap exact count, ts_stat reads every vector), which the writers
    /// keep fresh (<see cref="SyncedAsync"/>); what each matches is read exactly, in the catalog's snapshot, by the term itself
    /// (a tsquery of the lexeme as it stands, so the stemmer is not applied to it again).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StatementBits>> FrequentWordsAsync(DbConnection connection, DbTransaction? transaction,
        SearchCatalog.Snapshot snapshot, CancellationToken cancellationToken)
    {
        var words = new Dictionary<string, StatementBits>(StringComparer.Ordinal);
        var least = FrequentTerms.Least(snapshot.Count, frequentAtLeast);
        if (snapshot.Count < least) return words;
        await using var command = SqlCommands.Create(connection, transaction, $"""
            WITH candidates AS (
                SELECT common.term FROM pg_stats stats,
                       unnest(stats.most_common_elems::text::text[], stats.most_common_elem_freqs) AS common(term, share)
                WHERE stats.schemaname = current_schema() AND stats.tablename = 'StatementSearch' AND stats.attname = 'Stemmed'
                  AND common.term IS NOT NULL AND common.share * @published >= @least
                ORDER BY common.share DESC LIMIT {FrequentTerms.AtMost})
            SELECT candidates.term, (SELECT string_agg(search."StatementId"::text, ',') FROM "StatementSearch" search
                WHERE search."Stemmed" @@ ('''' || replace(replace(candidates.term, '\', '\\'), '''', '''''') || '''')::tsquery)
            FROM candidates;
            """, ("@published", (double)snapshot.Count), ("@least", (double)least));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var matched = new MatchedIds(snapshot);
            if (reader.IsDBNull(1)) matched.RequireNone();
            else matched.Require(reader.GetString(1).AsSpan());
            words[reader.GetString(0)] = matched.Result();
        }
        return words;
    }

    /// <summary>ts_rank with the field weights, negated so that lower comes first as with bm25; bounded as on SQLite.</summary>
    public async Task<Dictionary<int, double>?> ScoreAsync(DbConnection connection, SearchQuery query, int limit,
        CancellationToken cancellationToken)
    {
        var ts = Expressions(query);
        var (column, configuration, match) = ts.Stemmed is not null
            ? ("Stemmed", StemmedConfiguration, ts.Stemmed)
            : ("Exact", ExactConfiguration, ts.Exact!);
        await using var command = SqlCommands.Create(connection, null, $"""
            SELECT search."StatementId", -ts_rank({Weights}, search."{column}", query)
            FROM "StatementSearch" search, to_tsquery('{configuration}', @match) query WHERE search."{column}" @@ query LIMIT {limit + 1};
            """, ("@match", match));
        var scores = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) scores[reader.GetInt32(0)] = reader.GetFloat(1);
        return scores.Count > limit ? null : scores;
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
