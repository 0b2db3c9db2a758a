using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>Start-up as an operator sees it: the real program, run as a process.</summary>
public class StartupTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string dataFolder, string databaseFolder,
        Dictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(databaseFolder, "archive.db")}",
            ["Archive__DataPath"] = dataFolder,
        };
        foreach (var (name, value) in settings ?? []) environment[name] = value;
        using var process = ChildProcess.StartSite(environment);
        var (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(60));
        return (exitCode, output + error);
    }

    [Fact]
    public async Task ABrokenDataFileStopsStartUpNamingTheFileTheLineAndTheProblem()
    {
        var data = new TestData();
        data.Statements.Add("test-0003,test-source,3,,,test-speaker,quotation,en,,,,,,published");
        var dataFolder = data.WriteToTempFolder();
        var databaseFolder = Directory.CreateTempSubdirectory("testimonies-start-").FullName;
        try
        {
            var (exitCode, output) = await RunAsync(dataFolder, databaseFolder);
            Assert.Equal(1, exitCode);
            Assert.Contains("statements.csv, line 4, column “text”: this cell is empty but is required.", output, StringComparison.Ordinal);
            Assert.Contains("nothing was written", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
            Directory.Delete(databaseFolder, recursive: true);
        }
    }

    [Fact]
    public async Task StartedFromAnotherFolderTheAppUsesItsOwnFolderAndServesItsStyles()
    {
        // Regression: the working directory became the content root, so styles were missing
        // and the database was created wherever the command was typed.
        var elsewhere = Directory.CreateTempSubdirectory("testimonies-cwd-").FullName;
        using var process = ChildProcess.StartSite(new Dictionary<string, string>(), workingDirectory: elsewhere);
        try
        {
            var (address, _) = await ChildProcess.WaitUntilListeningAsync(process);
            Assert.NotNull(address);

            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
            var href = System.Text.RegularExpressions.Regex.Match(html, "rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            var css = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await css.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.False(Directory.Exists(Path.Combine(elsewhere, "App_Data")), "the database was created in the working directory");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task AMissingDataFolderStopsStartUpSayingWhichSettingToFix()
    {
        var databaseFolder = Directory.CreateTempSubdirectory("testimonies-start-").FullName;
        try
        {
            var (exitCode, output) = await RunAsync(Path.Combine(databaseFolder, "no-such-folder"), databaseFolder);
            Assert.Equal(1, exitCode);
            Assert.Contains("Archive:DataPath", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider is \"Oracle\"; use Sqlite or Postgres.")]
    [InlineData("Postgres", null, "ConnectionStrings:Testimonies must name a PostgreSQL server")]
    [InlineData("postgres", "Host=127.0.0.1;Port=1;Database=testimonies;Timeout=2",
        "Could not use the PostgreSQL database named in ConnectionStrings:Testimonies")]
    public async Task AStoreThatCannotWorkStopsStartUpSayingWhichSettingToFix(string provider, string? connectionString, string expected)
    {
        var databaseFolder = Directory.CreateTempSubdirectory("testimonies-start-").FullName;
        try
        {
            var settings = new Dictionary<string, string> { ["Database__Provider"] = provider };
            if (connectionString is not null) settings["ConnectionStrings__Testimonies"] = connectionString;
            var (exitCode, output) = await RunAsync(RepositoryPaths.Data, databaseFolder, settings);
            Assert.Equal(1, exitCode);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
    }
}
