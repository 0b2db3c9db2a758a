using System.Diagnostics;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>Start-up as an operator sees it: the real program, run as a process.</summary>
public class StartupTests
{
    /// <summary>The web project's own build output, in the same configuration as these tests.</summary>
    internal static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            return Path.Combine(RepositoryPaths.WebProject, "bin", configuration, "net10.0", "Testimonies.Web.dll");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dataFolder, string databaseFolder, Dictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssembly, "--urls", "http://127.0.0.1:0"])
        {
            // Its own stdin: the test process's stdin is xunit's control channel, not the app's.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.WebProject,
        };
        start.Environment["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(databaseFolder, "archive.db")}";
        start.Environment["Archive__DataPath"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop; a broken data file must stop start-up.");
        }
        return (process.ExitCode, await output + await error);
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
        var start = new ProcessStartInfo("dotnet", [WebAssembly, "--urls", "http://127.0.0.1:0"])
        {
            // Its own stdin: the test process's stdin is xunit's control channel, not the app's.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = elsewhere,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        try
        {
            string? address = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0) address = line[(at + "Now listening on: ".Length)..].Trim();
            }
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
    [InlineData("postgres", "Host=127.0.0.1;Port=1;Database=testimonies;Timeout=2", "Could not use the PostgreSQL database named in ConnectionStrings:Testimonies")]
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
