using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Pages;
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
            var started = await Task.WhenAll(processes.Select(WaitUntilListeningAsync));
            Assert.All(started, output => Assert.Contains("Now listening on", output, StringComparison.Ordinal));

            var options = new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(connectionString).Options;
            await using var db = new PostgresArchiveDbContext(options);
            var statements = File.ReadAllLines(Path.Combine(RepositoryPaths.Data, "statements.csv")).Count(line => line.StartsWith("csis16-", StringComparison.Ordinal));
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

    private static Process Start(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [StartupTests.WebAssembly, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardInput = true, // its own stdin: the test process's is xunit's channel
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.WebProject,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Testimonies"] = connectionString;
        start.Environment["Archive__DataPath"] = RepositoryPaths.Data;
        return Process.Start(start)!;
    }

    /// <summary>Everything the instance printed until it listens (or stops, or a minute passes).</summary>
    private static async Task<string> WaitUntilListeningAsync(Process process)
    {
        var output = new System.Text.StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal)) return output.ToString();
            }
        }
        catch (OperationCanceledException)
        {
            output.AppendLine("(no answer within a minute)");
        }
        if (process.HasExited) output.AppendLine(await errors);
        return output.ToString();
    }
}
