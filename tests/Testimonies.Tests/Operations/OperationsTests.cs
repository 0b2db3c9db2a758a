using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Maintainers;

namespace Testimonies.Tests.Operations;

/// <summary>The operator's side: /healthz and /healthz/ready, and the backup and verify commands, on the first source's data.</summary>
public class OperationsTests : IDisposable
{
    private readonly ArchiveFactory _factory;

    public OperationsTests() : this(TestStore.Sqlite) { }

    /// <summary>The same tests on another engine (Postgres/OperationsTestsOnPostgres.cs).</summary>
    protected OperationsTests(TestStore store)
    {
        _factory = new ArchiveFactory(store: store);
        _ = _factory.Server;
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private bool OnSqlite => _factory.Store == TestStore.Sqlite;

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MaintainerCommands.RunAsync(_factory.Services, args, new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Takes csis16-03's rows out of the search index behind the archive's back.</summary>
    private Task DropFromTheIndexAsync() => ExecuteAsync(OnSqlite
        ? "DELETE FROM StatementSearch WHERE rowid = (SELECT Id FROM Statements WHERE PublicId = 'csis16-03');"
        : """DELETE FROM "StatementSearch" WHERE "StatementId" = (SELECT "Id" FROM "Statements" WHERE "PublicId" = 'csis16-03');""");

    [Fact]
    public async Task LivenessAnswersWithoutTheDatabaseAndReadinessChecksTheArchive()
    {
        var client = _factory.CreateClient();
        var live = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

        var ready = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        Assert.Contains("migrations applied, 18 published statements indexed",
            await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await DropFromTheIndexAsync();
        var notReady = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("The search index holds 17 rows for 18 published statements",
            await notReady.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task HealthEndpointsOnlyRead(string method)
    {
        var response = await _factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/healthz/ready"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task VerifyFindsNothingWrongInTheFirstSource()
    {
        var (exitCode, output, error) = await RunAsync("verify");
        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Contains("Anchors: 18 statements checked against their source's text; all stand where anchored", output,
            StringComparison.Ordinal);
        Assert.Contains("Source texts: 1 text, every SHA-256 matches", output, StringComparison.Ordinal);
        Assert.Contains("Search index: 18 published statements, every index row in step", output, StringComparison.Ordinal);
        Assert.EndsWith("Verified: no problems.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyNamesAMovedAnchorATamperedTextAndAStaleIndexAndExitsWithOne()
    {
        await ExecuteAsync("""UPDATE "Statements" SET "AnchorStart" = "AnchorStart" + 1 WHERE "PublicId" = 'csis16-05';""");
        await ExecuteAsync("""UPDATE "SourceTexts" SET "Text" = "Text" || ' ';""");
        await DropFromTheIndexAsync();
        await ExecuteAsync("""UPDATE "Statements" SET "Context" = 'Changed behind the index''s back' WHERE "PublicId" = 'csis16-07';""");

        var (exitCode, output, _) = await RunAsync("verify");
        Assert.Equal(1, exitCode);
        Assert.Contains("csis-2016-ch9 version 1: its text no longer has the SHA-256 stored with it", output, StringComparison.Ordinal);
        Assert.Contains("csis16-05: the text at ", output, StringComparison.Ordinal);
        Assert.Contains("Search index: 2 problems", output, StringComparison.Ordinal);
        Assert.Contains("csis16-03: its index row is missing, extra or stale", output, StringComparison.Ordinal);
        Assert.Contains("csis16-07: its index row is missing, extra or stale", output, StringComparison.Ordinal);
        Assert.Contains("Verified: 4 problems (above).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyTakesNoOptions()
    {
        var (exitCode, _, error) = await RunAsync("verify", "--fix");
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: verify", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupWritesAConsistentCopyAndNeverOverwrites()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-backup-");
        try
        {
            var target = Path.Combine(folder.FullName, "copy.db");
            var (exitCode, output, error) = await RunAsync("backup", target);
            if (!OnSqlite)
            {
                Assert.Equal(1, exitCode);
                Assert.Contains("On PostgreSQL use pg_dump", error, StringComparison.Ordinal);
                Assert.False(File.Exists(target));
                return;
            }
            Assert.Equal(0, exitCode);
            Assert.Contains("18 statements", output, StringComparison.Ordinal);
            Assert.Equal(18, await CountStatementsAsync(target));

            var again = await RunAsync("backup", target);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("never overwrites", again.Error, StringComparison.Ordinal);

            var nowhere = await RunAsync("backup", Path.Combine(folder.FullName, "no-such-folder", "copy.db"));
            Assert.Equal(1, nowhere.ExitCode);
            Assert.Contains("does not exist; nothing was written", nowhere.Error, StringComparison.Ordinal);

            Assert.Equal(2, (await RunAsync("backup")).ExitCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ABackupDuringAnOpenWriteNeitherWaitsForItNorCopiesWhatIsNotCommitted()
    {
        Assert.SkipUnless(OnSqlite, "backup copies SQLite archives");
        var folder = Directory.CreateTempSubdirectory("testimonies-backup-");
        try
        {
            await using var writer = new SqliteConnection($"Data Source={_factory.DatabasePath}");
            await writer.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var command = writer.CreateCommand())
            {
                command.Transaction = (SqliteTransaction)transaction;
                command.CommandText = "UPDATE Statements SET Text = 'Not committed' WHERE PublicId = 'csis16-03';";
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
            var target = Path.Combine(folder.FullName, "copy.db");
            var backup = RunAsync("backup", target);
            Assert.Same(backup, await Task.WhenAny(backup, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)));
            Assert.Equal(0, (await backup).ExitCode);
            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var read = copy.CreateCommand();
            read.CommandText = "SELECT count(*) FROM Statements WHERE Text = 'Not committed';";
            Assert.Equal(0L, await read.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task FromTheCommandLineAnAbsolutePathIsTheCommandsFileNotASetting()
    {
        Assert.SkipUnless(OnSqlite, "backup copies SQLite archives");
        var folder = Directory.CreateTempSubdirectory("testimonies-cli-");
        try
        {
            var archive = Path.Combine(folder.FullName, "archive.db");
            var target = Path.Combine(folder.FullName, "copy.db");
            // .NET's command-line settings read "/…/copy.db" as a key and the next argument as its value.
            using var process = ChildProcess.Start("dotnet",
                [ChildProcess.WebAssembly, "backup", target, $"--ConnectionStrings:Testimonies=Data Source={archive}"],
                RepositoryPaths.WebProject, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            var (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, error);
            Assert.Contains("Backed up the archive to", output, StringComparison.Ordinal);
            Assert.True(File.Exists(archive), "the archive named by the setting was not the one opened");
            Assert.Equal(18, await CountStatementsAsync(target));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> CountStatementsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Statements;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
