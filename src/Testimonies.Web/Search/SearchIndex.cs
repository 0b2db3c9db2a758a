using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Search;

/// <summary>
/// The full-text index over published statements, on either engine: FTS5 tables on SQLite
/// (<see cref="SqliteFullText"/>), tsvector columns under GIN indexes on PostgreSQL
/// (<see cref="PostgresFullText"/>). Each holds a stemmed index ("fight" finds "fighting") and an
/// as-written one (for "exact phrases" and prefix*), folds case and accents, and weighs the fields
/// text, context, speaker and reasons 10 : 3 : 2 : 2. Callers keep it in step inside their own
/// transaction; it can always be rebuilt from the tables. Only this folder knows which engine it is on.
/// </summary>
public static class SearchIndex
{
    /// <summary>Above this many changed statements, rebuilding the index is cheaper than syncing row by row.</summary>
    public const int RebuildThreshold = 2000;

    /// <summary>Empties and refills the index from the statements.</summary>
    public static async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres) await PostgresFullText.RebuildAsync(db, cancellationToken);
        else await SqliteFullText.RebuildAsync(db, cancellationToken);
        // Whatever was remembered from the old index (SearchCatalog's word matches) is now stale.
        await db.BumpVersionAsync(cancellationToken);
    }

    /// <summary>Re-indexes the given statements: removed when no longer published, refreshed otherwise.</summary>
    public static async Task SyncAsync(ArchiveDbContext db, IReadOnlyCollection<int> statementIds, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0) return;
        if (statementIds.Count > RebuildThreshold)
        {
            await RebuildAsync(db, cancellationToken);
            return;
        }
        foreach (var chunk in statementIds.Chunk(500))
        {
            var ids = string.Join(',', chunk); // integers only: safe to inline
            if (db.IsPostgres) await PostgresFullText.SyncAsync(db, ids, cancellationToken);
            else await SqliteFullText.SyncAsync(db, ids, cancellationToken);
        }
    }

    /// <summary>Ids of the published statements that match the query's words, comma-separated (one value, not a row each), or null for none.</summary>
    internal static async Task<string?> MatchingIdsAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? await PostgresFullText.MatchingIdsAsync(await OpenAsync(db, cancellationToken), query, cancellationToken)
            : await SqliteFullText.MatchingIdsAsync(await OpenAsync(db, cancellationToken), query, cancellationToken);

    /// <summary>
    /// A relevance score for every statement matching the query's words, lower first (bm25's sign), or
    /// null when more than <paramref name="limit"/> match: ranking them all would cost too much.
    /// </summary>
    internal static async Task<Dictionary<int, double>?> ScoresAsync(ArchiveDbContext db, SearchQuery query, int limit, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? await PostgresFullText.ScoresAsync(await OpenAsync(db, cancellationToken), query, limit, cancellationToken)
            : await SqliteFullText.ScoresAsync(await OpenAsync(db, cancellationToken), query, limit, cancellationToken);

    /// <summary>
    /// Text and context of the given statements with the terms found marked by <paramref name="start"/> and
    /// <paramref name="end"/>: as stemmed words, or (<paramref name="asWritten"/>) as written phrases and prefixes.
    /// </summary>
    internal static async Task<Dictionary<int, (string Text, string Context)>> MarkedAsync(ArchiveDbContext db, SearchQuery query, bool asWritten,
        IReadOnlyList<int> ids, char start, char end, CancellationToken cancellationToken)
    {
        var idList = string.Join(',', ids); // integers only
        return db.IsPostgres
            ? await PostgresFullText.MarkedAsync(await OpenAsync(db, cancellationToken), query, asWritten, idList, start, end, cancellationToken)
            : await SqliteFullText.MarkedAsync(await OpenAsync(db, cancellationToken), query, asWritten, idList, start, end, cancellationToken);
    }

    private static async Task<DbConnection> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    /// <summary>A command on the context's connection and transaction, with named parameters.</summary>
    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs SQL built only from the engines' constants and integer ids: no user text ever reaches it.</summary>
    internal static Task<int> ExecuteAsync(ArchiveDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
}
