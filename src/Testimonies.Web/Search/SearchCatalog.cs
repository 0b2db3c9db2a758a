using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Testimonies.Web.Search;

/// <summary>
/// What the search needs to know of every published statement besides its words: its facet values
/// and its place in source order, held in memory as small arrays (docs/performance.md).
/// Filtering, counting facets and paging in source order then cost microseconds instead of a SQL
/// pass over every match. Reloaded when ArchiveState.Version changes (every import bumps it).
/// </summary>
public sealed class SearchCatalog(ArchiveVersion? version = null, IFullTextEngine? engine = null) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    public sealed class Snapshot
    {
        public required long Version { get; init; }
        /// <summary>Statement id → index in the columns below, or -1.</summary>
        public required int[] IndexOfId { get; init; }
        /// <summary>Published statement ids, in source order (<see cref="ArchiveDbContext.InSourceOrder"/>).</summary>
        public required int[] Ids { get; init; }

        public required FacetColumn Kinds { get; init; }
        /// <summary>How the words reached the source (Names.Provenances' order).</summary>
        public required FacetColumn Provenances { get; init; }
        public required FacetColumn Sources { get; init; }
        /// <summary>Value 0 is <see cref="Names.NotStatedSlug"/>: the source gives no nationality.</summary>
        public required FacetColumn Nationalities { get; init; }
        /// <summary>Reasons in their Position order.</summary>
        public required FacetColumn Reasons { get; init; }
        public required FacetColumn Themes { get; init; }
        /// <summary>The theme of each reason, in <see cref="Reasons"/>' order.</summary>
        public required Theme[] ReasonThemes { get; init; }

        /// <summary>Speakers with at least one published statement.</summary>
        public required int SpeakerCount { get; init; }

        /// <summary>
        /// Of those, the groups (Speaker.IsGroup: words the source attributes to several people, of a size it does not give,
        /// who may overlap with other speakers), so that pages count persons and groups apart.
        /// </summary>
        public required int SpeakerGroupCount { get; init; }

        public int Count => Ids.Length;

        /// <summary>
        /// What the index's most frequent words match, by the term the index holds for the word, read with the rest of the
        /// catalog (<see cref="IFullTextEngine.FrequentWordsAsync"/>): a search for one of them, never asked before, needs no
        /// pass over a list of most of the archive. Empty where the engine keeps none.
        /// </summary>
        public IReadOnlyDictionary<string, StatementBits> FrequentWords { get; internal set; } =
            new Dictionary<string, StatementBits>(StringComparer.Ordinal);

        /// <summary>
        /// The term the stemmed index holds for each word searched alone (null: none, or more than one), as the engine made it:
        /// looked up once (a round trip on PostgreSQL), not at every search.
        /// </summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, string?> TermOfWord { get; } = new(StringComparer.Ordinal);

        /// <summary>Published statements a value of the column, in its values' order (a copy the caller may change).</summary>
        public int[] CountAll(FacetColumn column) => (int[])_totals.GetOrAdd(column, c =>
        {
            var counts = new int[c.Values.Count];
            for (var i = 0; i < Count; i++) c.Count(i, counts);
            return counts;
        }).Clone();

        private readonly System.Collections.Concurrent.ConcurrentDictionary<FacetColumn, int[]> _totals = new();

        /// <summary>
        /// Which statements each recent set of words matched (by the words as understood), for this archive
        /// version only: facet clicks and paging reuse the words, so they skip the full-text index.
        /// </summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, StatementBits> WordMatches { get; } =
            new(StringComparer.Ordinal);

        /// <summary>Whole results (order, facets) of recent searches, by words, filters and sort.</summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, RememberedResult> Results { get; } =
            new(StringComparer.Ordinal);
    }

    /// <summary>
    /// A search's result before paging: the matches as catalog indices, ranked (<paramref name="Ranked"/>, at most
    /// StatementSearch.MaxRankedResults) or in source order, which is the catalog's (<paramref name="InSourceOrder"/>, one bit a
    /// statement: no array of most of the archive for a common word); facet counts; how it was sorted.
    /// </summary>
    internal sealed record RememberedResult(int[]? Ranked, StatementBits? InSourceOrder, int Total,
        Dictionary<string, IReadOnlyList<FacetValue>> Facets, SearchSort Sort, string? RankingNote)
    {
        /// <summary>Catalog indices of one page of the matches, in their order.</summary>
        public IEnumerable<int> Page(int skip, int take) =>
            (Ranked ?? InSourceOrder?.Members() ?? []).Skip(skip).Take(take);
    }

    /// <summary>At most this many whole results are remembered (each up to 4 bytes a statement).</summary>
    public const int MaxRememberedResults = 64;

    /// <summary>At most this many words' terms are remembered.</summary>
    public const int MaxRememberedTerms = 10_000;

    /// <summary>At most this many word sets are remembered (each one bit a statement).</summary>
    public const int MaxRememberedWordSets = 256;

    /// <summary>Forgets remembered word matches and results (benchmarks use it to time first searches).</summary>
    public void ForgetRememberedSearches()
    {
        _snapshot?.WordMatches.Clear();
        _snapshot?.Results.Clear();
        _snapshot?.TermOfWord.Clear();
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Held while a catalog loads; tests hold it to stand for a slow load.</summary>
    internal SemaphoreSlim Loading => _loading;

    /// <summary>Run once a load has begun, before it reads anything; tests use it to give up on the request there.</summary>
    internal Func<Task>? BeforeLoad { get; set; }

    /// <summary>
    /// The catalog of the archive's current version. In the site that version is the one this instance holds
    /// in memory (<see cref="ArchiveVersion"/>), so an unchanged archive costs no query; without it (tests,
    /// benchmarks) it is read from the store.
    /// </summary>
    public async Task<Snapshot> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        await GetAsync(db, await CurrentVersionAsync(db, cancellationToken), cancellationToken);

    private async ValueTask<long> CurrentVersionAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        version is null ? await db.ReadVersionAsync(cancellationToken) : await version.GetAsync(db, cancellationToken);

    private async Task<Snapshot> GetAsync(ArchiveDbContext db, long current, CancellationToken cancellationToken)
    {
        // A catalog loaded after a newer commit than the held version is still the right one.
        if (_snapshot is { } known && known.Version >= current) return known;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && loaded.Version >= current) return loaded;
            if (BeforeLoad is { } beforeLoad) await beforeLoad();
            // Not the request's token: every search arriving meanwhile waits for this load, and a client that gave up
            // (wrk's timeout, a closed tab) must not cancel it for them; under load each next waiter started over.
            _snapshot = await LoadAsync(db, engine, CancellationToken.None);
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// The catalog for a page that may show the previous version for a moment: when another request is already loading the
    /// current one, the previous catalog is answered at once instead of waiting (up to a second at 200,000 statements, with
    /// every search arriving meanwhile queued behind it). <c>IsCurrent</c> says which was given; a page built from the
    /// previous one must not be stored in the output cache under the new version (<see cref="DoNotCacheUnlessCurrent"/>).
    /// The request that finds no load under way loads it itself, so one client's next request always sees its own change.
    /// </summary>
    public async Task<(Snapshot Snapshot, bool IsCurrent)> GetWithoutWaitingAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(db, cancellationToken);
        if (_snapshot is { } known && known.Version >= current) return (known, true);
        if (_snapshot is { } previous && _loading.CurrentCount == 0) return (previous, false);
        return (await GetAsync(db, current, cancellationToken), true);
    }

    /// <summary>Keeps a page built from a previous catalog out of the output cache.</summary>
    public static void DoNotCacheUnlessCurrent(HttpContext http, bool isCurrent)
    {
        if (!isCurrent && http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
            cache.Context.AllowCacheStorage = false;
    }

    private static async Task<Snapshot> LoadAsync(ArchiveDbContext db, IFullTextEngine? engine, CancellationToken cancellationToken)
    {
        // One read transaction, so the version and the rows belong together, that never waits for a writer (ReadTransactionAsync).
        await using var transaction = await ReadTransactionAsync(db, cancellationToken);
        // EF does not end a transaction it was handed (SQLite's), so it is ended here, before EF lets go of it.
        await using var handed = db.IsPostgres ? null : transaction.GetDbTransaction();
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var version = await db.ReadVersionAsync(cancellationToken);

        var sourceIndex = new Dictionary<long, short>();
        var sourceKeys = new List<string>();
        var sourceLabels = new List<string>();
        const string SourcesSql = """SELECT "Id", "Key", coalesce("ChapterTitle", "Title") FROM "Sources" ORDER BY "Id";""";
        await foreach (var row in ReadAsync(connection, dbTransaction, SourcesSql, cancellationToken))
        {
            sourceIndex[(long)row[0]!] = (short)sourceKeys.Count;
            sourceKeys.Add((string)row[1]!);
            sourceLabels.Add((string)row[2]!);
        }

        var reasonIndex = new Dictionary<long, short>();
        var reasonSlugs = new List<string>();
        var reasonNames = new List<string>();
        var reasonThemes = new List<Theme>();
        const string ReasonsSql = """SELECT "Id", "Slug", "Name", "Theme" FROM "Reasons" ORDER BY "Position", "Id";""";
        await foreach (var row in ReadAsync(connection, dbTransaction, ReasonsSql, cancellationToken))
        {
            reasonIndex[(long)row[0]!] = (short)reasonSlugs.Count;
            reasonSlugs.Add((string)row[1]!);
            reasonNames.Add((string)row[2]!);
            reasonThemes.Add(Enum.Parse<Theme>((string)row[3]!));
        }

        var nationalityIndex = new Dictionary<string, short>(StringComparer.Ordinal);
        var nationalities = new List<string> { Names.NotStated };
        var ids = new List<int>();
        var kinds = new List<short>();
        var provenances = new List<short>();
        var sources = new List<short>();
        var nationalityOf = new List<short>();
        var maxId = 0;
        var speakers = new HashSet<long>();
        var groups = new HashSet<long>();
        // Source order as ArchiveDbContext.InSourceOrder writes it: source title, source, position.
        await foreach (var row in ReadAsync(connection, dbTransaction, """
            SELECT s."Id", s."Kind", s."SourceId", sp."Nationality", s."SpeakerId", s."Provenance", sp."IsGroup" FROM "Statements" s
            JOIN "Speakers" sp ON sp."Id" = s."SpeakerId" JOIN "Sources" so ON so."Id" = s."SourceId"
            WHERE s."Status" = 'Published' ORDER BY so."Title", s."SourceId", s."Position";
            """, cancellationToken))
        {
            var id = (int)(long)row[0]!;
            ids.Add(id);
            maxId = Math.Max(maxId, id);
            kinds.Add((short)Names.Kinds.IndexOf(Enum.Parse<StatementKind>((string)row[1]!)));
            provenances.Add((short)Names.Provenances.IndexOf(Enum.Parse<Provenance>((string)row[5]!)));
            sources.Add(sourceIndex[(long)row[2]!]);
            speakers.Add((long)row[4]!);
            if (row[6] is true or 1L) groups.Add((long)row[4]!); // PostgreSQL reads a boolean, SQLite an integer
            if (row[3] is string nationality)
            {
                if (!nationalityIndex.TryGetValue(nationality, out var n))
                {
                    n = (short)nationalities.Count;
                    nationalityIndex[nationality] = n;
                    nationalities.Add(nationality);
                }
                nationalityOf.Add(n);
            }
            else
            {
                nationalityOf.Add(0);
            }
        }

        // Rows were read in source order, so the arrays' indices are ranks in that order.
        var indexOfId = new int[maxId + 1];
        Array.Fill(indexOfId, -1);
        for (var i = 0; i < ids.Count; i++) indexOfId[ids[i]] = i;

        var reasonLists = new List<short>[ids.Count];
        var themes = new byte[ids.Count];
        const string LinksSql = """SELECT "StatementsId", "ReasonsId" FROM "StatementReasons";""";
        await foreach (var row in ReadAsync(connection, dbTransaction, LinksSql, cancellationToken))
        {
            var id = (int)(long)row[0]!;
            if (id > maxId || indexOfId[id] < 0) continue;
            var index = indexOfId[id];
            var reason = reasonIndex[(long)row[1]!];
            (reasonLists[index] ??= []).Add(reason);
            themes[index] |= (byte)(1 << Names.Themes.IndexOf(reasonThemes[reason]));
        }

        var snapshot = new Snapshot
        {
            Version = version,
            SpeakerCount = speakers.Count,
            SpeakerGroupCount = groups.Count,
            IndexOfId = indexOfId,
            Ids = [.. ids],
            Kinds = FacetColumn.OneValue([.. Names.Kinds.Slugs], [.. Names.Kinds.Values.Select(Names.Kinds.Label)], [.. kinds]),
            Provenances = FacetColumn.OneValue([.. Names.Provenances.Slugs],
                [.. Names.Provenances.Values.Select(Names.Provenances.Label)], [.. provenances]),
            Sources = FacetColumn.OneValue([.. sourceKeys], [.. sourceLabels], [.. sources]),
            Nationalities = FacetColumn.OneValue([Names.NotStatedSlug, .. nationalities.Skip(1)], [.. nationalities], [.. nationalityOf]),
            Reasons = FacetColumn.ManyValues([.. reasonSlugs], [.. reasonNames],
                reasonLists.Select(r => r is null ? [] : r.Order().ToArray()).ToArray()),
            Themes = FacetColumn.Bits([.. Names.Themes.Slugs], [.. Names.Themes.Values.Select(Names.Themes.Label)], themes),
            ReasonThemes = [.. reasonThemes],
        };
        // In the same read transaction, so the words' matches are the index of this version.
        if (engine is not null)
            snapshot.FrequentWords = await engine.FrequentWordsAsync(connection, dbTransaction, snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>
    /// A snapshot to read from that takes no lock a writer holds. SQLite: BEGIN DEFERRED, since Microsoft.Data.Sqlite's
    /// default is BEGIN IMMEDIATE, which takes the write lock and waited behind an import; under WAL a deferred read sees
    /// the last commit and waits for no one. PostgreSQL: REPEATABLE READ, so every query sees the first one's snapshot; the index
    /// table is locked before that snapshot is taken (a LOCK takes none), since a rebuild puts a new table in place of the old one
    /// and a snapshot from before its commit would find the new table empty (<see cref="PostgresFullText.LockBeforeSnapshot"/>).
    /// </summary>
    public static async Task<IDbContextTransaction> ReadTransactionAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(PostgresFullText.LockBeforeSnapshot, cancellationToken);
            return transaction;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("EF did not take the read transaction.");
    }

    private static async IAsyncEnumerable<object?[]> ReadAsync(DbConnection connection, DbTransaction transaction, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null
                    : reader.GetValue(i) is int number ? (long)number
                    : reader.GetValue(i); // integers as long on both engines (PostgreSQL reads int)
            yield return row;
        }
    }
}
