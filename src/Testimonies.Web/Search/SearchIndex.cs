using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Search;

/// <summary>
/// The full-text index: two FTS5 tables over published statements (rowid = Statement.Id), one stemmed
/// (porter: "fight" finds "fighting") and one as written (for "exact phrases" and prefix*). Both fold
/// case and diacritics, and keep prefix indexes of 2 and 3 characters so that prefix* searches do not
/// merge thousands of word lists. Callers keep it in step inside their own transaction; it can always
/// be rebuilt from the tables.
/// </summary>
public static class SearchIndex
{
    public const string Stemmed = "StatementSearch";
    public const string Exact = "StatementSearchExact";

    /// <summary>Column weights for bm25, in column order: text, context, speaker, reasons.</summary>
    public const string Weights = "10.0, 3.0, 2.0, 2.0";

    /// <summary>Above this many changed statements, rebuilding the index is cheaper than syncing row by row.</summary>
    public const int RebuildThreshold = 2000;

    /// <summary>What one index row holds for a statement; only published statements are indexed.</summary>
    private static string SelectRows(string where) => $"""
        SELECT s.Id, s.Text, coalesce(s.Context, ''),
               trim(coalesce(sp.Name, '') || ' ' || sp.Description || ' ' || coalesce(sp.Nationality, '')),
               coalesce((SELECT group_concat(r.Name, '; ') FROM StatementReasons sr JOIN Reasons r ON r.Id = sr.ReasonsId WHERE sr.StatementsId = s.Id), '')
        FROM Statements s JOIN Speakers sp ON sp.Id = s.SpeakerId
        WHERE s.Status = 'Published' {where}
        """;

    /// <summary>Empties and refills both tables from the statements, then merges their segments.</summary>
    public static async Task RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Stemmed, Exact })
        {
            await ExecuteAsync(db, $"DELETE FROM {table};", cancellationToken);
            await ExecuteAsync(db, $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows("")};", cancellationToken);
            await ExecuteAsync(db, $"INSERT INTO {table}({table}) VALUES('optimize');", cancellationToken);
        }
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
            foreach (var table in new[] { Stemmed, Exact })
            {
                await ExecuteAsync(db, $"DELETE FROM {table} WHERE rowid IN ({ids});", cancellationToken);
                await ExecuteAsync(db, $"INSERT INTO {table}(rowid, text, context, speaker, reasons) {SelectRows($"AND s.Id IN ({ids})")};", cancellationToken);
            }
        }
    }

    /// <summary>Runs SQL built only from this class's constants and integer ids: no user text ever reaches it.</summary>
    private static Task<int> ExecuteAsync(ArchiveDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
}
