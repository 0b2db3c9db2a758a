using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Testimonies.Web.Search;

/// <summary>
/// The index on SQLite: two FTS5 tables (rowid = Statement.Id), one stemmed (porter) and one as written,
/// both with remove_diacritics 2 and prefix indexes of 2 and 3 characters, so that prefix* searches do
/// not merge thousands of word lists (created by the SearchIndex migration).
/// </summary>
public sealed class SqliteFullText(int frequentAtLeast = FrequentTerms.AtLeast) : IFullTextEngine
{
    public const string Stemmed = "StatementSearch";
    public const string Exact = "StatementSearchExact";

    /// <summary>The stemmed table's tokenizer, as the SearchIndex migration made it.</summary>
    private const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>Column weights for bm25, in column order: text, context, speaker, reasons.</summary>
    public const string Weights = "10.0, 3.0, 2.0, 2.0";

    /// <summary>FTS5 syntax: every word double-quoted, so no input is ever read as an operator.</summary>
    private static readonly MatchExpressions.Syntax Fts5 = new(
        word => $"\"{word}\"", start => $"\"{start}\"*", words => $"\"{string.Join(' ', words)}\"", " AND ", " OR ");

    public MatchExpressions Expressions(SearchQuery query) => MatchExpressions.Write(query, Fts5);

    /// <summary>What one index row holds for a statement; only published statements are indexed.</summary>
    private static string SelectRows(string where) => $"""
        SELECT s.Id, s.Text, coalesce(s.Context, ''),
               trim(coalesce(sp.Name, '') || ' ' || sp.Description || ' ' || coalesce(sp.Nationality, '')),
               coalesce((SELECT group_concat(r.Name, '; ') FROM StatementReasons sr JOIN Reasons r ON r.Id = sr.ReasonsId
                         WHERE sr.StatementsId = s.Id), '')
        FROM Statements s JOIN Speakers sp ON sp.Id = s.SpeakerId
        WHERE s.Status = 'Published' {where}
        """;

    public int RebuildAbove => 2000;

    /// <summary>Half: FTS5 rebuilds from its content table in one pass, but a sync of its own rows is cheap too.</summary>
    public int RebuildFromOneIn => 2;

    /// <summary>Empties and refills both tables, then merges their segments.</summary>
    public async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Stemmed, Exact })
        {
            await SqlCommands.ExecuteAsync(db, $"DELETE FROM {table};", cancellationToken);
            await SqlCommands.ExecuteAsync(db, $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows("")};",
                cancellationToken);
            await SqlCommands.ExecuteAsync(db, $"INSERT INTO {table}({table}) VALUES('optimize');", cancellationToken);
        }
    }

    public async Task SyncAsync(ArchiveDbContext db, string ids, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Stemmed, Exact })
        {
            await SqlCommands.ExecuteAsync(db, $"DELETE FROM {table} WHERE rowid IN ({ids});", cancellationToken);
            await SqlCommands.ExecuteAsync(db,
                $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows($"AND s.Id IN ({ids})")};", cancellationToken);
        }
    }

    /// <summary>Nothing: the catalog reads the terms' counts from the index itself (fts5vocab).</summary>
    public Task SyncedAsync(ArchiveDbContext db, int statements, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<(long Published, long Indexed)> CountsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqlCommands.PairAsync(connection,
            $"SELECT (SELECT count(*) FROM Statements WHERE Status = 'Published'), (SELECT count(*) FROM {Stemmed});",
            cancellationToken);

    public async Task<(long Count, List<int> Ids)> OutOfStepAsync(DbConnection connection, int limit,
        CancellationToken cancellationToken)
    {
        // Both tables against what a rebuild would write now, in both directions (a missing row, a stale or extra one).
        var differences = string.Join(" UNION ", new[] { Stemmed, Exact }.SelectMany(table => new[]
        {
            $"SELECT Id FROM ({SelectRows("")} EXCEPT SELECT rowid, text, context, speaker, reasons FROM {table})",
            $"SELECT Id FROM (SELECT rowid AS Id, text, context, speaker, reasons FROM {table} EXCEPT {SelectRows("")})",
        }));
        return await SqlCommands.CountAndFirstAsync(connection, differences, limit, cancellationToken);
    }

    /// <summary>
    /// Each table's words in one FTS5 query, its exclusions written in as FTS5's NOT (a compound EXCEPT or INTERSECT builds a
    /// temporary b-tree of every match: 16 ms against 3.6 ms for a word in 87% of 100,000 statements); the two tables' lists
    /// are intersected, and exclusions of the other table subtracted, as bits in memory. Every value from the query is a parameter.
    /// </summary>
    public Task MatchAsync(DbConnection connection, SearchQuery query, MatchedIds matched, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A frequent word alone in its clause: its statements are with the catalog (FrequentWordsAsync), the rest goes to FTS5.
        var handle = ((SqliteConnection)connection).Handle!;
        if (matched.WordsToLookUp(query) is { Length: > 0 } words)
        {
            CreateStemmer(handle);
            foreach (var word in words) matched.RememberTerm(word, Stem(handle, word));
        }
        var e = Expressions(matched.RequireFrequent(query));

        static string Without(string positive, string? excluded) => excluded is null ? positive : $"({positive}) NOT ({excluded})";
        if (e.Stemmed is not null) AggregatedIds(handle, Stemmed, Without(e.Stemmed, e.StemmedExcluded), matched, require: true);
        if (e.Exact is not null) AggregatedIds(handle, Exact, Without(e.Exact, e.ExactExcluded), matched, require: true);
        if (e.StemmedExcluded is not null && e.Stemmed is null) AggregatedIds(handle, Stemmed, e.StemmedExcluded, matched, require: false);
        if (e.ExactExcluded is not null && e.Exact is null) AggregatedIds(handle, Exact, e.ExactExcluded, matched, require: false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The stemmed table's most frequent terms (fts5vocab, a table in the connection's temp schema, which takes no lock on the
    /// archive), each with what it matches, keyed by the term: a search's word finds its term with <see cref="Stem"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StatementBits>> FrequentWordsAsync(DbConnection connection,
        DbTransaction? transaction, SearchCatalog.Snapshot snapshot, CancellationToken cancellationToken)
    {
        var words = new Dictionary<string, StatementBits>(StringComparer.Ordinal);
        var least = FrequentTerms.Least(snapshot.Count, frequentAtLeast);
        if (snapshot.Count < least) return words;
        await using (var create = SqlCommands.Create(connection, transaction,
            $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{Stemmed}Terms USING fts5vocab(main, '{Stemmed}', 'row');"))
            await create.ExecuteNonQueryAsync(cancellationToken);
        var terms = new List<string>();
        await using (var command = SqlCommands.Create(connection, transaction,
            $"SELECT term FROM temp.{Stemmed}Terms WHERE doc >= @least ORDER BY doc DESC LIMIT {FrequentTerms.AtMost};", ("@least", least)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) terms.Add(reader.GetString(0));
        }
        var handle = ((SqliteConnection)connection).Handle!;
        CreateStemmer(handle);
        // A term the stemmer would change again ("gener" → "gen") is left out: matching it would find another term's statements.
        foreach (var term in terms.Where(t => Stem(handle, t) == t))
        {
            var matched = new MatchedIds(snapshot);
            AggregatedIds(handle, Stemmed, Fts5.Word(term), matched, require: true);
            words[term] = matched.Result();
        }
        return words;
    }

    /// <summary>
    /// The term the stemmed table holds for a word, as its own tokenizer makes it: the word is written into a one-row FTS5 table
    /// of the connection's temp schema (no lock on the archive; <see cref="CreateStemmer"/>) and read back from its vocabulary.
    /// Null when it is not one term.
    /// </summary>
    private static string? Stem(sqlite3 handle, string word)
    {
        Run(handle, "INSERT INTO temp.Stemmer(rowid, word) VALUES (1, ?1);", word);
        try
        {
            Check(raw.sqlite3_prepare_v2(handle, "SELECT term FROM temp.StemmerTerms LIMIT 2;", out var statement), handle);
            using (statement)
            {
                string? term = null;
                int result;
                var count = 0;
                while ((result = Step(handle, statement)) == raw.SQLITE_ROW)
                {
                    term = raw.sqlite3_column_text(statement, 0).utf8_to_string();
                    count++;
                }
                Check(result, handle);
                return count == 1 ? term : null;
            }
        }
        finally
        {
            Run(handle, "DELETE FROM temp.Stemmer WHERE rowid = 1;");
        }
    }

    /// <summary>
    /// The one-row table <see cref="Stem"/> writes into, and its vocabulary: created once a search or a catalog load, kept with the
    /// connection while it is pooled.
    /// </summary>
    private static void CreateStemmer(sqlite3 handle)
    {
        Run(handle, $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.Stemmer USING fts5(word, tokenize = '{Tokenizer}');");
        Run(handle, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.StemmerTerms USING fts5vocab(temp, 'Stemmer', 'row');");
    }

    private static void Run(sqlite3 handle, string sql, string? text = null)
    {
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            if (text is not null) Check(raw.sqlite3_bind_text(statement, 1, text), handle);
            Check(Step(handle, statement), handle);
        }
    }

    /// <summary>
    /// group_concat of the rowids one MATCH finds, read as the UTF-8 bytes SQLite holds (through SQLitePCL, as Microsoft.Data.Sqlite
    /// would copy them into a string or an array first: half a megabyte on the large-object heap for a common word).
    /// </summary>
    private static void AggregatedIds(sqlite3 handle, string table, string match, MatchedIds matched, bool require)
    {
        var sql = $"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?1;";
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, 1, match), handle);
            var result = Step(handle, statement);
            if (result != raw.SQLITE_ROW) Check(result, handle);
            var ids = raw.sqlite3_column_type(statement, 0) == raw.SQLITE_NULL ? default : raw.sqlite3_column_blob(statement, 0);
            if (require && ids.IsEmpty) matched.RequireNone();
            else if (require) matched.Require(ids);
            else if (!ids.IsEmpty) matched.Exclude(ids);
        }
    }

    /// <summary>One step, waiting while another connection holds a lock, as Microsoft.Data.Sqlite does for its commands.</summary>
    private static int Step(sqlite3 handle, sqlite3_stmt statement)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            var result = raw.sqlite3_step(statement);
            if (result is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || Environment.TickCount64 > deadline) return result;
            raw.sqlite3_reset(statement);
            Thread.Sleep(10);
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(result, handle);
    }

    /// <summary>
    /// bm25 for every match in one pass: FTS5 recomputes its statistics for each rowid lookup, so scoring
    /// chosen rows one by one is far slower than scoring all matches. At most one more than the limit (IFullTextEngine.ScoreAsync).
    /// </summary>
    public async Task<Dictionary<int, double>?> ScoreAsync(DbConnection connection, SearchQuery query, int limit,
        CancellationToken cancellationToken)
    {
        var expressions = Expressions(query);
        var (table, match) = expressions.Stemmed is not null ? (Stemmed, expressions.Stemmed) : (Exact, expressions.Exact!);
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT rowid, bm25({table}, {Weights}) FROM {table} WHERE {table} MATCH @match LIMIT {limit + 1};", ("@match", match));
        var scores = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) scores[reader.GetInt32(0)] = reader.GetDouble(1);
        return scores.Count > limit ? null : scores;
    }

    /// <summary>FTS5's highlight() of text and context; statements the terms do not match are left out.</summary>
    public async Task<Dictionary<int, (string Text, string Context)>> MarkAsync(DbConnection connection, SearchQuery query, bool asWritten,
        string idList, char markStart, char markEnd, CancellationToken cancellationToken)
    {
        var expressions = Expressions(query);
        var (table, match) = asWritten ? (Exact, expressions.AnyTermExact) : (Stemmed, expressions.AnyTermStemmed);
        var rows = new Dictionary<int, (string, string)>();
        if (match is null) return rows;
        await using var command = SqlCommands.Create(connection, null, $"""
            SELECT rowid, highlight({table}, 0, char({(int)markStart}), char({(int)markEnd})),
                   highlight({table}, 1, char({(int)markStart}), char({(int)markEnd}))
            FROM {table} WHERE {table} MATCH @match AND rowid IN ({idList});
            """, ("@match", match));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return rows;
    }
}
