using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Concurrency;

/// <summary>
/// Readers and writers on one database while another writer (a second process or instance, <see cref="OtherWriter"/>) is
/// in the middle of an import: readers go on at once; a second writer is told another import is running (409 on the page,
/// exit code 3 on the command line), and nothing it tried is written.
/// </summary>
public class WriterTests : MaintainerSiteTests
{
    private const string Busy = "Another import is being previewed or applied right now.";

    private static readonly byte[] NewStatement = Encoding.UTF8.GetBytes(
        "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,status\n"
        + "test-writer-1,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words for a writer test,,boredom,,,published\n");

    /// <summary>Everything a write would change, as one string.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var token = TestContext.Current.CancellationToken;
        var texts = await db.Statements.OrderBy(s => s.Id).Select(s => s.Text + s.Context + s.Status).ToListAsync(token);
        return string.Join("|", texts) + $"|{await db.ReadVersionAsync(token)}|{await db.Imports.CountAsync(token)}"
            + $"|{await db.Imports.CountAsync(i => i.AppliedAt != null, token)}|{await db.Revisions.CountAsync(token)}"
            + $"|{await db.RowRevisions.CountAsync(token)}";
    }

    [Fact]
    public async Task SearchAndStatementPagesAnswerAtOnceWhileAnotherWriterIsImporting()
    {
        // A change first, so that the search catalog must be loaded again while the other writer holds the lock.
        var saved = await RecordForm.SaveAsync(Client, "/admin/statements/csis16-05", new() { ["context"] = "A context for a reload." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (await OtherWriter.BeginAsync(Factory))
        {
            foreach (var url in new[] { "/search?q=fighting", "/s/csis16-03", "/search?q=muslims&reason=infighting" })
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var clock = Stopwatch.StartNew();
                var response = await Client.GetAsync(url, timeout.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{url} took {clock.Elapsed}");
            }
        }
    }

    [Fact]
    public async Task AnUploadAConfirmAndAFormSaveWhileAnotherWriterIsImportingAreToldSoAndWriteNothing()
    {
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var previewUrl = upload.Headers.Location!.OriginalString;
        var before = await SnapshotAsync();

        await using (await OtherWriter.BeginAsync(Factory))
        {
            var again = await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains(Busy, (await Html.ParseAsync(again)).QuerySelector(".import-problems")!.TextContent, StringComparison.Ordinal);

            var confirm = await AdminSession.PostFormAsync(Client, previewUrl, [], tokenFrom: "/admin/import");
            Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
            Assert.Contains(Busy, (await Html.ParseAsync(confirm)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

            var edit = await RecordForm.SaveAsync(Client, "/admin/statements/csis16-05", new() { ["context"] = "Saved while busy." });
            Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
            Assert.Contains(Busy, (await Html.ParseAsync(edit)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

            var speaker = await RecordForm.SaveAsync(Client, "/admin/speakers/indian-fighter", new() { ["notes"] = "Saved while busy." });
            Assert.Equal(HttpStatusCode.Conflict, speaker.StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync());

        // The other writer gone, the preview still stands and applies.
        var applied = await AdminSession.PostFormAsync(Client, previewUrl, [], tokenFrom: "/admin/import");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
    }

    [Fact]
    public async Task TheCommandLineWhileAnotherWriterIsImportingPrintsOneLineAndExitsWithCode3()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-writer-");
        try
        {
            var file = Path.Combine(folder.FullName, "statements.csv");
            await File.WriteAllBytesAsync(file, NewStatement, TestContext.Current.CancellationToken);
            var before = await SnapshotAsync();
            int exitCode;
            string output, error;
            await using (await OtherWriter.BeginAsync(Factory))
            {
                using var process = ChildProcess.Start("dotnet", [ChildProcess.WebAssembly, "import", file], RepositoryPaths.WebProject,
                    CommandLineSettings());
                (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(60));
            }
            Assert.True(exitCode == 3, $"exit code {exitCode}\n{output}\n{error}");
            Assert.Equal(["Another import is being previewed or applied right now. Wait a moment, then try again; nothing was written."],
                error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The command line on this test's database, as an operator runs it.</summary>
    private Dictionary<string, string> CommandLineSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Archive__DataPath"] = Factory.DataPath,
        };
        if (Factory.PostgresConnectionString is { } postgres)
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Testimonies"] = postgres;
        }
        else
        {
            settings["ConnectionStrings__Testimonies"] = $"Data Source={Factory.DatabasePath}";
        }
        return settings;
    }
}
