using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Testimonies.Web.Archive;

/// <summary>
/// The archive's version as this instance last read it, so that a page served from the output cache
/// touches no database. A write committed in this process makes the next request read it again at once
/// (every committed transaction is seen by <see cref="CommitWatcher"/>); a write on another instance is
/// seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class ArchiveVersion(TimeProvider clock)
{
    /// <summary>How stale a page may be after another instance changed the archive.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private sealed record Reading(long Version, long ReadAt, long Generation);

    private Reading? _last;
    private long _generation;

    public async ValueTask<long> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _last) is { } last && last.Generation == generation && clock.GetElapsedTime(last.ReadAt) < MaxAge)
            return last.Version;
        var readAt = clock.GetTimestamp();
        var version = await db.ReadVersionAsync(cancellationToken);
        // Tagged with the generation seen before the read: a commit during the read makes the next request read again.
        Volatile.Write(ref _last, new Reading(version, readAt, generation));
        return version;
    }

    /// <summary>Forgets the version read; the next request reads it from the database.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    /// <summary>Every transaction committed through EF in this process may have changed the archive.</summary>
    public sealed class CommitWatcher(ArchiveVersion version) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Forget();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            version.Forget();
            return Task.CompletedTask;
        }
    }
}
