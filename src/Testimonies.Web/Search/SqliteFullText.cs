using System.Data.Common;
using System.Text;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Search;

/// <summary>
/// The index on SQLite: two FTS5 tables (rowid = Statement.Id), one stemmed (porter) and one as written,
/// both with remove_diacritics 2 and prefix indexes of 2 and 3 characters, so that prefix* searches do
/// not merge thousands of word lists (created by the SearchIndex migration).
/// </summary>
internal static class SqliteFullText
{
    public const string Stemmed = "StatementSearch";
    public const string Exact = "StatementSearchExact";

    /// <summary>Column weights for bm25, in column order: text, context, speaker, reasons.</summary>
    public const string Weights = "10.0, 3.0, 2.0, 2.0";

    /// <summary>What one index row holds for a statement; only published statements are indexed.</summary>
    private static string SelectRows(string where) => $"""
        SELECT s.Id, s.Text, coalesce(s.Context, ''),
               trim(coalesce(sp.Name, '') || ' ' || sp.Description || ' ' || coalesce(sp.Nationality, '')),
               coalesce((SELECT group_concat(r.Name, '; ') FROM StatementReasons sr JOIN Reasons r ON r.Id = sr.ReasonsId WHERE sr.StatementsId = s.Id), '')
        FROM Statements s JOIN Speakers sp ON sp.Id = s.SpeakerId
        WHERE s.Status = 'Published' {where}
        """;

    /// <summary>Empties and refills both tables, then merges their segments.</summary>
    public static async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Stemmed, Exact })
        {
            await SearchIndex.ExecuteAsync(db, $"DELETE FROM {table};", cancellationToken);
            await SearchIndex.ExecuteAsync(db, $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows("")};", cancellationToken);
            await SearchIndex.ExecuteAsync(db, $"INSERT INTO {table}({table}) VALUES('optimize');", cancellationToken);
        }
    }

    public static async Task SyncAsync(ArchiveDbContext db, string ids, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Stemmed, Exact })
        {
            await SearchIndex.ExecuteAsync(db, $"DELETE FROM {table} WHERE rowid IN ({ids});", cancellationToken);
            await SearchIndex.ExecuteAsync(db, $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows($"AND s.Id IN ({ids})")};", cancellationToken);
        }
    }

    /// <summary>One FTS5 round trip; every value from the query is a parameter.</summary>
    public static async Task<string?> MatchingIdsAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var hits = new StringBuilder();
        var parameters = new List<(string, object)>();
        if (query.Stemmed is not null)
        {
            hits.Append($"SELECT rowid FROM {Stemmed} WHERE {Stemmed} MATCH $stemmed");
            parameters.Add(("$stemmed", query.Stemmed));
        }
        if (query.Exact is not null)
        {
            if (hits.Length > 0) hits.Append(" INTERSECT ");
            hits.Append($"SELECT rowid FROM {Exact} WHERE {Exact} MATCH $exact");
            parameters.Add(("$exact", query.Exact));
        }
        if (hits.Length == 0) hits.Append($"SELECT rowid FROM {Stemmed}");
        if (query.StemmedExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {Stemmed} WHERE {Stemmed} MATCH $stemmedExcluded");
            parameters.Add(("$stemmedExcluded", query.StemmedExcluded));
        }
        if (query.ExactExcluded is not null)
        {
            hits.Append($" EXCEPT SELECT rowid FROM {Exact} WHERE {Exact} MATCH $exactExcluded");
            parameters.Add(("$exactExcluded", query.ExactExcluded));
        }
        await using var command = SearchIndex.Command(connection, $"SELECT group_concat(rowid) FROM ({hits});", [.. parameters]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// bm25 for every match in one pass: FTS5 recomputes its statistics for each rowid lookup, so scoring
    /// chosen rows one by one is far slower than scoring all matches. Counting first is much cheaper.
    /// </summary>
    public static async Task<Dictionary<int, double>?> ScoresAsync(DbConnection connection, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        var (table, match) = query.Stemmed is not null ? (Stemmed, query.Stemmed) : (Exact, query.Exact!);
        await using var command = SearchIndex.Command(connection,
            $"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH $match LIMIT {limit + 1});", ("$match", match));
        if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > limit)
            return null;
        command.CommandText = $"SELECT rowid, bm25({table}, {Weights}) FROM {table} WHERE {table} MATCH $match;";
        var scores = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) scores[reader.GetInt32(0)] = reader.GetDouble(1);
        return scores;
    }

    /// <summary>FTS5's highlight() of text and context; statements the terms do not match are left out.</summary>
    public static async Task<Dictionary<int, (string Text, string Context)>> MarkedAsync(DbConnection connection, SearchQuery query, bool asWritten,
        string idList, char start, char end, CancellationToken cancellationToken)
    {
        var (table, match) = asWritten ? (Exact, query.AnyTermExact) : (Stemmed, query.AnyTermStemmed);
        var rows = new Dictionary<int, (string, string)>();
        if (match is null) return rows;
        await using var command = SearchIndex.Command(connection, $"""
            SELECT rowid, highlight({table}, 0, char({(int)start}), char({(int)end})), highlight({table}, 1, char({(int)start}), char({(int)end}))
            FROM {table} WHERE {table} MATCH $match AND rowid IN ({idList});
            """, ("$match", match));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return rows;
    }
}
