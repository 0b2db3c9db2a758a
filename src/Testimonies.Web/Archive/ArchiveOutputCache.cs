using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Testimonies.Web.Archive;

/// <summary>
/// Output caching of public pages and data, keyed by the archive's version: every import and edit bumps
/// the version in its own transaction, so the next request after a change builds a fresh page, on every
/// instance that shares the database. Entries also expire after a minute (citations carry today's date).
/// Requests with a maintainer's session, and responses that set cookies, are never cached (the defaults).
/// </summary>
public static class ArchiveOutputCache
{
    public static IServiceCollection AddArchiveOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(1);
            // 32 MB holds well over a thousand statement pages; the default (100 MB) mostly filled up with
            // one-off searches in the load benchmark (docs/performance.md).
            options.SizeLimit = 32 * 1024 * 1024;
            // /s/CSIS16-03 must not be answered with the cached page of /s/csis16-03: it redirects (301).
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(policy => policy
                .With(context => !SecurityHeaders.IsAdmin(context.HttpContext.Request.Path))
                .SetVaryByQuery("*")
                .VaryByValue(async (context, cancellationToken) =>
                {
                    var version = await context.RequestServices.GetRequiredService<ArchiveVersion>().GetAsync(context.RequestServices, cancellationToken);
                    return new KeyValuePair<string, string>("archive-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                })
                .Cache());
        });
}

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

    public async ValueTask<long> GetAsync(IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _last) is { } last && last.Generation == generation && clock.GetElapsedTime(last.ReadAt) < MaxAge)
            return last.Version;
        var readAt = clock.GetTimestamp();
        var db = requestServices.GetRequiredService<ArchiveDbContext>();
        var version = await db.State.Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(cancellationToken);
        // Kept only if no commit happened meanwhile: a read that began before a commit may hold the old version.
        Volatile.Write(ref _last, new Reading(version, readAt, generation));
        return version;
    }

    /// <summary>Forgets the version read; the next request reads it from the database.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    /// <summary>Every transaction committed through EF in this process may have changed the archive.</summary>
    public sealed class CommitWatcher(ArchiveVersion version) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Forget();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            version.Forget();
            return Task.CompletedTask;
        }
    }
}
