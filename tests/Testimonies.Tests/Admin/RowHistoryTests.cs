using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Admin;

namespace Testimonies.Tests.Admin;

/// <summary>Speakers, sources and reasons edited in forms leave an import record and a revision, shown on their history pages.</summary>
public class RowHistoryTests : MaintainerSiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditingASpeakerLeavesAnImportRecordAndARevisionShownOnItsHistoryPage()
    {
        var saved = await RecordForm.SaveAsync(Client, "/admin/speakers/indian-fighter",
            new() { ["description"] = "an Indian fighter (synthetic test edit)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var record = await db.Imports.Include(i => i.Files).SingleAsync(Ct);
            Assert.Equal("speakers.csv", record.FileNames);
            Assert.Equal(AdminSession.Email, record.UploadedBy);
            Assert.NotNull(record.AppliedAt);
            Assert.Matches("^[0-9a-f]{64}$", record.Sha256);
            Assert.Equal("speakers: 0 created, 1 updated, 0 unchanged", record.Summary);
            var file = System.Text.Encoding.UTF8.GetString(Assert.Single(record.Files).Content);
            Assert.Contains("an Indian fighter (synthetic test edit)", file, StringComparison.Ordinal);

            var revision = await db.RowRevisions
                .SingleAsync(r => r.Table == "speakers" && r.Key == "indian-fighter" && r.Origin == "edit", Ct);
            Assert.Equal("description", revision.Changes);
            Assert.Equal(AdminSession.Email, revision.By);
            Assert.Equal("""{"description":"an Indian fighter"}""", revision.Before);
            Assert.Equal("""{"description":"an Indian fighter (synthetic test edit)"}""", revision.After);
        }

        var (_, form) = await Html.GetAsync(Client, "/admin/speakers/indian-fighter");
        Assert.Contains(form.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/speakers/indian-fighter/history");
        var (response, history) = await Html.GetAsync(Client, "/admin/speakers/indian-fighter/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latest = history.QuerySelector(".history li")!;
        Assert.Contains($"description, by {AdminSession.Email} (edit)", latest.TextContent, StringComparison.Ordinal);
        Assert.Equal("an Indian fighter", latest.QuerySelector("td.before")!.TextContent);
        Assert.Equal("an Indian fighter (synthetic test edit)", latest.QuerySelector("td.after")!.TextContent);
    }

    [Theory]
    [InlineData("/admin/sources/csis-2016-ch9", "notes", "Synthetic note from a history test.")]
    [InlineData("/admin/reasons/boredom", "boundary", "Synthetic boundary from a history test.")]
    public async Task EditingASourceOrAReasonIsRecordedToo(string url, string column, string value)
    {
        var fields = new Dictionary<string, string> { [column] = value };
        // A reason's boundary is part of the codebook: its change makes the next version, with a note.
        if (url.Contains("/reasons/", StringComparison.Ordinal)) fields[RecordModel.CodebookNoteField] = "Synthetic change note.";
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.SaveAsync(Client, url, fields)).StatusCode);
        var (response, history) = await Html.GetAsync(Client, url + "/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latest = history.QuerySelector(".history li")!;
        Assert.Contains($"{column}, by {AdminSession.Email} (edit)", latest.TextContent, StringComparison.Ordinal);
        Assert.Equal(value, latest.QuerySelector("td.after")!.TextContent);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.Equal(1, await db.Imports.CountAsync(i => i.AppliedAt != null, Ct));
    }

    [Fact]
    public async Task AReasonsChangedDefinitionNeedsACodebookChangeNoteAndMakesTheNextVersion()
    {
        var url = "/admin/reasons/everyday-hardship";
        var definition = "Synthetic definition from a codebook test.";
        var refused = await RecordForm.SaveAsync(Client, url, new() { ["definition"] = definition });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("it makes version 2", page.QuerySelector("#field-codebook-note-problem")!.TextContent, StringComparison.Ordinal);
        await using (var scope = Factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().CodebookVersions.CountAsync(Ct));

        var saved = await RecordForm.SaveAsync(Client, url,
            new() { ["definition"] = definition, [RecordModel.CodebookNoteField] = "Synthetic note: the definition was reworded." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, notice) = await Html.GetAsync(Client, saved.Headers.Location!.OriginalString);
        Assert.Contains("It made version 2 of the codebook", notice.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var version = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().CodebookVersions
                .SingleAsync(v => v.Number == 2, Ct);
            Assert.Equal("Synthetic note: the definition was reworded.", version.ChangeNote);
            Assert.Equal(definition, version.Codes()!.Single(c => c.Slug == "everyday-hardship").Definition);
        }
    }

    [Theory]
    [InlineData("/admin/speakers/no-such-speaker/history")]
    [InlineData("/admin/findings/icsr-35/history")]
    public async Task AnUnknownRowOrTableHasNoHistory(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url, Ct)).StatusCode);
}
