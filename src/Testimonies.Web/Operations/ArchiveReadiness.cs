using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Testimonies.Web.Search;

namespace Testimonies.Web.Operations;

/// <summary>
/// Ready to serve: the database answers, every migration is applied, and the search index holds as many rows as there are
/// published statements. Reads only, in single statements, so it never waits on an import (the full comparison is
/// <c>verify</c>'s).
/// </summary>
public sealed class ArchiveReadiness(IServiceScopeFactory scopes, SearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, first {pending[0]}.");
            var (published, indexed) = await index.Engine.CountsAsync(await SqlCommands.OpenAsync(db, cancellationToken),
                cancellationToken);
            return published == indexed
                ? HealthCheckResult.Healthy($"Database reachable, migrations applied, {published} published statements indexed.")
                : HealthCheckResult.Unhealthy($"The search index holds {indexed} rows for {published} published statements.");
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            // The exception's own message may name the server or the file: the check says what, not where.
            return HealthCheckResult.Unhealthy($"The database cannot be read ({exception.GetType().Name}).");
        }
    }
}
