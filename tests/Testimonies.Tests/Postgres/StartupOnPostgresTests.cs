using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Postgres;

/// <summary>Several instances on one PostgreSQL database, as docs/deployment.md sets them up: real processes.</summary>
public class StartupOnPostgresTests
{
    [Fact]
    public async Task TwoInstancesStartingAtOnceOnAnEmptyDatabaseLoadDataOnce()
    {
        var connectionString = PostgresServer.CreateDatabase();
        var processes = new List<Process>();
        try
        {
            // Both migrate the empty database and find it empty; one loads data/, the other waits and finds it loaded.
            processes.Add(Start(connectionString));
            processes.Add(Start(connectionString));
            var started = await Task.WhenAll(processes.Select(ChildProcess.WaitUntilListeningAsync));
            Assert.All(started, site => Assert.True(site.Address is not null, site.Output));

            var options = new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(connectionString).Options;
            await using var db = new PostgresArchiveDbContext(options);
            var statements = File.ReadAllLines(Path.Combine(RepositoryPaths.Data, "statements.csv"))
                .Count(line => line.StartsWith("csis16-", StringComparison.Ordinal));
            Assert.Equal(statements, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(statements, await db.Revisions.CountAsync(r => r.Origin == "load", TestContext.Current.CancellationToken));
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }
            PostgresServer.DropDatabase(connectionString);
        }
    }

    private static Process Start(string connectionString) => ChildProcess.StartSite(new Dictionary<string, string>
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Testimonies"] = connectionString,
        ["Archive__DataPath"] = RepositoryPaths.Data,
    });
}
