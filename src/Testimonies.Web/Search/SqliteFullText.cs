using System.Data.Common;
using System.Text;

namespace Testimonies.Web.Search;

/// <summary>
/// The index on SQLite: two FTS5 tables (rowid = Statement.Id), one stemmed (porter) and one as written,
/// both with remove_diacritics 2 and prefix indexes of 2 and 3 characters, so that prefix* searches do
/// not merge thousands of word lists (created by the SearchIndex migration).
/// </summary>
public sealed class SqliteFullText : IFullTextEngine
{
    public const string Stemmed = "StatementSearch";
    public const string Exact = "StatementSearchExact";

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

    /// <summary>Empties and refills both tables, then merges their segments.</summary>
    public int RebuildAbove => 2000;

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

    /// <summary>One FTS5 round trip; every value from the query is a parameter.</summary>
    public async Task<string?> MatchAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var expressions = Expressions(query);
        var hits = new StringBuilder();
        var parameters = new List<(string, object?)>();
        if (expressions.Stemmed is not null)
        {
            hits.Append($"SELECT rowid FROM {Stemmed} WHERE {Stemmed} MATCH @stemmed");
            parameters.Add(("@stemmed", expressions.Stemmed));
        }
        if (expressions.Exact is not null)
        {
            if (hits.Length > 0) hits.Append(" INTERSECT ");
            hits.Append($"SELECT rowid FROM {Exact} WHERE {Exact} MATCH @exact");
            parameters.Add(("@exact", expressions.Exact));
        }
        if (hits.Length == 0) hits.Append($"SELECT rowid FROM {Stemmed}");
        if (expressions.StemmedExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {Stemmed} WHERE {Stemmed} MATCH @stemmedExcluded");
            parameters.Add(("@stemmedExcluded", expressions.StemmedExcluded));
        }
        if (expressions.ExactExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {Exact} WHERE {Exact} MATCH @exactExcluded");
            parameters.Add(("@exactExcluded", expressions.ExactExcluded));
        }
        await using var command = SqlCommands.Create(connection, null, $"SELECT group_concat(rowid) FROM ({hits});", [.. parameters]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// bm25 for every match in one pass: FTS5 recomputes its statistics for each rowid lookup, so scoring
    /// chosen rows one by one is far slower than scoring all matches. Counting first is much cheaper.
    /// </summary>
    public async Task<Dictionary<int, double>?> ScoreAsync(DbConnection connection, SearchQuery query, int limit,
        CancellationToken cancellationToken)
    {
        var expressions = Expressions(query);
        var (table, match) = expressions.Stemmed is not null ? (Stemmed, expressions.Stemmed) : (Exact, expressions.Exact!);
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH @match LIMIT {limit + 1});", ("@match", match));
        if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > limit)
            return null;
        command.CommandText = $"SELECT rowid, bm25({table}, {Weights}) FROM {table} WHERE {table} MATCH @match;";
        var scores = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) scores[reader.GetInt32(0)] = reader.GetDouble(1);
        return scores;
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
