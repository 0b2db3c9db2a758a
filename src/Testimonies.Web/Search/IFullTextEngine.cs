using System.Data.Common;

namespace Testimonies.Web.Search;

/// <summary>
/// What the two full-text engines share: SQLite's FTS5 tables (<see cref="SqliteFullText"/>) and PostgreSQL's
/// tsvector columns (<see cref="PostgresFullText"/>). Each keeps a stemmed index ("fight" finds "fighting")
/// and an as-written one (phrases, prefixes) of the published statements, and writes a
/// <see cref="SearchQuery"/> in its own syntax. Chosen once, with the store (<see cref="SearchSetup"/>).
/// </summary>
public interface IFullTextEngine
{
    /// <summary>The query in this engine's syntax; every word quoted, so nothing typed is read as an operator.</summary>
    MatchExpressions Expressions(SearchQuery query);

    /// <summary>
    /// Above this many changed statements, when they are also more than one in <see cref="RebuildFromOneIn"/> of the published
    /// statements, an import rebuilds the whole index rather than syncing them: FTS5 rebuilds from its content table in one pass,
    /// and PostgreSQL builds a new table whose GIN indexes are sorted in bulk, where a sync inserts each lexeme into them one at a
    /// time (docs/performance.md).
    /// </summary>
    int RebuildAbove { get; }

    /// <summary>
    /// The share of the published statements (one in this many) above which a rebuild costs less than a sync of the changed ones:
    /// a rebuild costs the whole index, so below it each import into a large archive would cost more than the one before.
    /// </summary>
    int RebuildFromOneIn { get; }

    /// <summary>Empties the index and fills it again from the statements, with what <see cref="SyncedAsync"/> keeps beside it.</summary>
    Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken);

    /// <summary>Re-indexes the statements of <paramref name="ids"/> (a comma-separated list of integers).</summary>
    Task SyncAsync(ArchiveDbContext db, string ids, CancellationToken cancellationToken);

    /// <summary>
    /// Run once a writer has rebuilt the index or synced <paramref name="statements"/> statements into it, in its transaction: what
    /// the engine keeps beside the rows (PostgreSQL's statistics, from which the catalog chooses its frequent words).
    /// </summary>
    Task SyncedAsync(ArchiveDbContext db, int statements, CancellationToken cancellationToken);

    /// <summary>
    /// Published statements and rows in the index, counted in one statement (one snapshot): equal when the index is in step,
    /// a cheap check for readiness.
    /// </summary>
    Task<(long Published, long Indexed)> CountsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of statements whose index rows are missing, extra or not what the tables give now (a full comparison, for
    /// <c>verify</c>): at most <paramref name="limit"/> of them, and how many there are in all.
    /// </summary>
    Task<(long Count, List<int> Ids)> OutOfStepAsync(DbConnection connection, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Hands <paramref name="matched"/> the ids of the published statements that match the query: lists the database aggregated
    /// into one value each (not a row an id), that must match or must not.
    /// </summary>
    Task MatchAsync(DbConnection connection, SearchQuery query, MatchedIds matched, CancellationToken cancellationToken);

    /// <summary>
    /// What the most frequent terms of the index match, keyed by the term as the index holds it (stemmed), read on the catalog's
    /// connection and transaction; <see cref="MatchAsync"/> takes the statements of a word that is one of them from there.
    /// </summary>
    Task<IReadOnlyDictionary<string, StatementBits>> FrequentWordsAsync(DbConnection connection, DbTransaction? transaction,
        SearchCatalog.Snapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// A score for every match, lower first, or null when more than <paramref name="limit"/> match. Asked only when the query
    /// matched at most <paramref name="limit"/> statements (<see cref="SearchIndex.ScoreAsync"/>); what the engine ranks (the
    /// query without its exclusions) may match more, so it scores at most one more than the limit rather than counting first,
    /// which cost a second pass over the matches whenever there are fewer (docs/search.md).
    /// </summary>
    Task<Dictionary<int, double>?> ScoreAsync(DbConnection connection, SearchQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Text and context of the statements of <paramref name="idList"/> with the terms found between <paramref name="markStart"/>
    /// and <paramref name="markEnd"/>, as stemmed words or (<paramref name="asWritten"/>) as written; statements without a mark are
    /// left out.
    /// </summary>
    Task<Dictionary<int, (string Text, string Context)>> MarkAsync(DbConnection connection, SearchQuery query, bool asWritten,
        string idList, char markStart, char markEnd, CancellationToken cancellationToken);
}
