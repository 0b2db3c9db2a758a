using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Search;

/// <summary>
/// What the search needs to know of every published statement besides its words: its facet values
/// and its place in source order, held in memory as small arrays (about 2 MB for 100,000 statements).
/// Filtering, counting facets and paging in source order then cost microseconds instead of a SQL
/// pass over every match. Reloaded when ArchiveState.Version changes (every import bumps it).
/// </summary>
public sealed class SearchCatalog : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    public sealed class Snapshot
    {
        public required long Version { get; init; }
        /// <summary>Statement id → index in the arrays below, or -1.</summary>
        public required int[] IndexOfId { get; init; }
        /// <summary>Published statement ids, in the order of their sources (source title, source, position).</summary>
        public required int[] Ids { get; init; }
        public required byte[] Kind { get; init; }              // 0 quotation, 1 paraphrase
        public required short[] Source { get; init; }
        public required short[] Nationality { get; init; }      // 0 = not stated
        public required short[][] Reasons { get; init; }
        public required byte[] Themes { get; init; }            // bit per Theme

        public required string[] SourceKeys { get; init; }
        public required string[] SourceLabels { get; init; }
        public required string[] Nationalities { get; init; }
        public required string[] ReasonSlugs { get; init; }
        public required string[] ReasonNames { get; init; }
        public required Theme[] ReasonThemes { get; init; }

        /// <summary>Speakers with at least one published statement.</summary>
        public required int SpeakerCount { get; init; }

        public int Count => Ids.Length;

        /// <summary>Published statements a reason, in <see cref="ReasonSlugs"/>' order.</summary>
        public int[] CountByReason()
        {
            var counts = new int[ReasonSlugs.Length];
            foreach (var reasons in Reasons) foreach (var reason in reasons) counts[reason]++;
            return counts;
        }

        /// <summary>Published statements a source, in <see cref="SourceKeys"/>' order.</summary>
        public int[] CountBySource()
        {
            var counts = new int[SourceKeys.Length];
            foreach (var source in Source) counts[source]++;
            return counts;
        }

        /// <summary>
        /// Which statements each recent set of words matched (by the words' MATCH expressions), for this
        /// archive version only: facet clicks and paging reuse the words, so they skip FTS5.
        /// </summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.BitArray> WordMatches { get; } = new(StringComparer.Ordinal);

        /// <summary>Whole results (order, facets) of recent searches, by words, filters and sort.</summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, RememberedResult> Results { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A search's result before paging: catalog indices in display order, facet counts, how it was sorted.</summary>
    internal sealed record RememberedResult(int[] Ordered, Dictionary<string, IReadOnlyList<FacetValue>> Facets, SearchSort Sort, string? RankingNote);

    /// <summary>At most this many whole results are remembered (each up to 4 bytes a statement).</summary>
    public const int MaxRememberedResults = 64;

    /// <summary>At most this many word sets are remembered (each about one byte a statement).</summary>
    public const int MaxRememberedWordSets = 256;

    /// <summary>Forgets remembered word matches and results (benchmarks use it to time first searches).</summary>
    public void ForgetRememberedSearches()
    {
        _snapshot?.WordMatches.Clear();
        _snapshot?.Results.Clear();
    }

    public void Dispose() => _loading.Dispose();

    public async Task<Snapshot> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(db, cancellationToken);
        if (_snapshot is { } current && current.Version == version) return current;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && loaded.Version == version) return loaded;
            _snapshot = await LoadAsync(db, cancellationToken);
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static async Task<long> CurrentVersionAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        await db.State.Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(cancellationToken);

    private static async Task<Snapshot> LoadAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // One read transaction, so the version and the rows belong together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var version = await CurrentVersionAsync(db, cancellationToken);

        var sourceIndex = new Dictionary<long, short>();
        var sourceKeys = new List<string>();
        var sourceLabels = new List<string>();
        await foreach (var row in ReadAsync(connection, dbTransaction, """SELECT "Id", "Key", coalesce("ChapterTitle", "Title") FROM "Sources" ORDER BY "Id";""", cancellationToken))
        {
            sourceIndex[(long)row[0]!] = (short)sourceKeys.Count;
            sourceKeys.Add((string)row[1]!);
            sourceLabels.Add((string)row[2]!);
        }

        var reasonIndex = new Dictionary<long, short>();
        var reasonSlugs = new List<string>();
        var reasonNames = new List<string>();
        var reasonThemes = new List<Theme>();
        await foreach (var row in ReadAsync(connection, dbTransaction, """SELECT "Id", "Slug", "Name", "Theme" FROM "Reasons" ORDER BY "Position", "Id";""", cancellationToken))
        {
            reasonIndex[(long)row[0]!] = (short)reasonSlugs.Count;
            reasonSlugs.Add((string)row[1]!);
            reasonNames.Add((string)row[2]!);
            reasonThemes.Add(Enum.Parse<Theme>((string)row[3]!));
        }

        var nationalityIndex = new Dictionary<string, short>(StringComparer.Ordinal);
        var nationalities = new List<string> { "Not stated" };
        var ids = new List<int>();
        var kinds = new List<byte>();
        var sources = new List<short>();
        var nationalityOf = new List<short>();
        var maxId = 0;
        var speakers = new HashSet<long>();
        await foreach (var row in ReadAsync(connection, dbTransaction, """
            SELECT s."Id", s."Kind", s."SourceId", sp."Nationality", s."SpeakerId" FROM "Statements" s
            JOIN "Speakers" sp ON sp."Id" = s."SpeakerId" JOIN "Sources" so ON so."Id" = s."SourceId"
            WHERE s."Status" = 'Published' ORDER BY so."Title", s."SourceId", s."Position";
            """, cancellationToken))
        {
            var id = (int)(long)row[0]!;
            ids.Add(id);
            maxId = Math.Max(maxId, id);
            kinds.Add((string)row[1]! == nameof(StatementKind.Quotation) ? (byte)0 : (byte)1);
            sources.Add(sourceIndex[(long)row[2]!]);
            speakers.Add((long)row[4]!);
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
        await foreach (var row in ReadAsync(connection, dbTransaction, """SELECT "StatementsId", "ReasonsId" FROM "StatementReasons";""", cancellationToken))
        {
            var id = (int)(long)row[0]!;
            if (id > maxId || indexOfId[id] < 0) continue;
            var index = indexOfId[id];
            var reason = reasonIndex[(long)row[1]!];
            (reasonLists[index] ??= []).Add(reason);
            themes[index] |= (byte)(1 << (int)reasonThemes[reason]);
        }

        return new Snapshot
        {
            Version = version,
            SpeakerCount = speakers.Count,
            IndexOfId = indexOfId,
            Ids = [.. ids],
            Kind = [.. kinds],
            Source = [.. sources],
            Nationality = [.. nationalityOf],
            Reasons = reasonLists.Select(r => r is null ? [] : r.Order().ToArray()).ToArray(),
            Themes = themes,
            SourceKeys = [.. sourceKeys],
            SourceLabels = [.. sourceLabels],
            Nationalities = [.. nationalities],
            ReasonSlugs = [.. reasonSlugs],
            ReasonNames = [.. reasonNames],
            ReasonThemes = [.. reasonThemes],
        };
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
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) is int number ? (long)number : reader.GetValue(i); // integers as long on both engines (PostgreSQL reads int)
            yield return row;
        }
    }
}
