namespace Testimonies.Web.Search;

/// <summary>
/// The full-text index over published statements, on the engine chosen with the store: it folds case and
/// accents and weighs the fields text, context, speaker and reasons 10 : 3 : 2 : 2. Writers keep it in step
/// inside their own transaction (<see cref="SyncAsync"/>); it can always be rebuilt from the tables.
/// </summary>
public sealed class SearchIndex(IFullTextEngine engine)
{
    /// <summary>Statements re-indexed in one command of a sync.</summary>
    private const int ChunkSize = 500;

    public IFullTextEngine Engine => engine;

    /// <summary>Empties and refills the index from the statements.</summary>
    public async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // Whatever was remembered from the old index (SearchCatalog's word matches) is now stale. Bumped first, and the
        // engine's statistics taken by its rebuild: PostgreSQL's swap locks the index until the commit, so nothing follows it.
        await db.BumpVersionAsync(cancellationToken);
        await engine.RebuildAsync(db, cancellationToken);
    }

    /// <summary>Re-indexes the given statements: removed when no longer published, refreshed otherwise.</summary>
    public async Task SyncAsync(ArchiveDbContext db, IReadOnlyCollection<int> statementIds, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0) return;
        if (statementIds.Count > engine.RebuildAbove
            && RebuildsFor(engine, statementIds.Count,
                await db.Statements.CountAsync(s => s.Status == PublicationStatus.Published, cancellationToken)))
        {
            await RebuildAsync(db, cancellationToken);
            return;
        }
        foreach (var chunk in statementIds.Chunk(ChunkSize))
            await engine.SyncAsync(db, string.Join(',', chunk), cancellationToken); // integers only: safe to inline
        await engine.SyncedAsync(db, statementIds.Count, cancellationToken);
    }

    /// <summary>Whether a change of <paramref name="changed"/> statements rebuilds the index rather than syncing them.</summary>
    public static bool RebuildsFor(IFullTextEngine engine, int changed, long published) =>
        changed > engine.RebuildAbove && changed * (long)engine.RebuildFromOneIn > published;

    /// <summary>The published statements of the catalog that match the query's words.</summary>
    public async Task<StatementBits> MatchAsync(ArchiveDbContext db, SearchCatalog.Snapshot snapshot, SearchQuery query,
        CancellationToken cancellationToken)
    {
        var matched = new MatchedIds(snapshot);
        await engine.MatchAsync(await SqlCommands.OpenAsync(db, cancellationToken), query, matched, cancellationToken);
        return matched.Result();
    }

    /// <summary>
    /// A relevance score for every statement matching the query's words, lower first (bm25's sign), or
    /// null when more than <paramref name="limit"/> match: ranking them all would cost too much. <paramref name="wordMatches"/>: how
    /// many the words matched (<see cref="MatchAsync"/>); more than the limit needs no query at all.
    /// </summary>
    public async Task<Dictionary<int, double>?> ScoreAsync(ArchiveDbContext db, SearchQuery query, int limit, int wordMatches,
        CancellationToken cancellationToken) =>
        wordMatches > limit ? null
            : await engine.ScoreAsync(await SqlCommands.OpenAsync(db, cancellationToken), query, limit, cancellationToken);

    /// <summary>
    /// Text and context of the given statements with the terms found marked by <paramref name="start"/> and
    /// <paramref name="end"/>: as stemmed words, or (<paramref name="asWritten"/>) as written phrases and prefixes.
    /// </summary>
    public async Task<Dictionary<int, (string Text, string Context)>> MarkAsync(ArchiveDbContext db, SearchQuery query, bool asWritten,
        IReadOnlyList<int> ids, char start, char end, CancellationToken cancellationToken) =>
        await engine.MarkAsync(await SqlCommands.OpenAsync(db, cancellationToken), query, asWritten, string.Join(',', ids), start, end,
            cancellationToken);
}
