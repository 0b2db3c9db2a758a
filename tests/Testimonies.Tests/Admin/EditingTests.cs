using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Admin;

/// <summary>Editing through forms: the same rules as an import, a revision for every change, and the public page telling readers.</summary>
public class EditingTests : MaintainerSiteTests
{
    private Task<Dictionary<string, string>> FormAsync(string url, Dictionary<string, string> changes) =>
        RecordForm.ReadAsync(Client, url, changes);

    private Task<HttpResponseMessage> SaveAsync(string url, Dictionary<string, string> changes) =>
        RecordForm.SaveAsync(Client, url, changes);

    [Fact]
    public async Task CorrectingTheWordsNeedsANoteAndThePublicPageShowsTheCorrection()
    {
        // Words of a source without a stored text (a chapter's words must stand in its text: the test after this one).
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("/admin/statements/new", new()
        {
            ["id"] = "test-correct-1", ["source"] = UntextedSource.Key, ["position"] = "121", ["speaker"] = "indian-fighter",
            ["text"] = "Synthetic words; I didn’t type them twice", ["status"] = "published",
        })).StatusCode);
        var refused = await SaveAsync("/admin/statements/test-correct-1",
            new() { ["text"] = "Synthetic words; I did not type them twice" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("correction_note", (await Html.ParseAsync(refused)).QuerySelector(".has-problem label")!.TextContent,
            StringComparison.Ordinal);

        var saved = await SaveAsync("/admin/statements/test-correct-1", new()
        {
            ["text"] = "Synthetic words; I did not type them twice",
            ["correction_note"] = "Test correction of a transcription.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/statements/test-correct-1?saved=true", saved.Headers.Location!.OriginalString);

        var (_, page) = await Html.GetAsync(Client, "/s/test-correct-1");
        Assert.Equal("Synthetic words; I did not type them twice", page.QuerySelector(".statement-text")!.TextContent);
        Assert.Contains("Test correction of a transcription.", page.QuerySelector(".correction-note")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("Last revised", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        var (_, search) = await Html.GetAsync(Client, "/search?q=%22did+not+type%22");
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/s/test-correct-1");

        var (_, history) = await Html.GetAsync(Client, "/admin/statements/test-correct-1/history");
        Assert.Equal("didn’t ", history.QuerySelector(".word-diff del")!.TextContent);
        Assert.Contains(AdminSession.Email, history.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChaptersWordsCannotBeCorrectedAwayFromItsText()
    {
        var refused = await SaveAsync("/admin/statements/csis16-03", new()
        {
            ["text"] = "Muslims are fighting Muslims; I did not come for that", ["correction_note"] = "Test correction.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = (await Html.ParseAsync(refused)).Body!.TextContent;
        Assert.Contains("not in the text of csis-2016-ch9", problems, StringComparison.Ordinal);
        var (_, page) = await Html.GetAsync(Client, "/s/csis16-03");
        Assert.Equal("Muslims are fighting Muslims; I didn’t come for that", page.QuerySelector(".statement-text")!.TextContent);
    }

    [Fact]
    public async Task UnpublishingAndRestoringAStatement()
    {
        Assert.Equal(HttpStatusCode.Redirect,
            (await SaveAsync("/admin/statements/csis16-04", new() { ["status"] = "withdrawn" })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Client.GetAsync("/s/csis16-04", TestContext.Current.CancellationToken)).StatusCode);
        var (_, search) = await Html.GetAsync(Client, "/search?q=humanitarian");
        Assert.DoesNotContain(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/s/csis16-04");

        Assert.Equal(HttpStatusCode.Redirect,
            (await SaveAsync("/admin/statements/csis16-04", new() { ["status"] = "published" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/s/csis16-04", TestContext.Current.CancellationToken)).StatusCode);

        await using var scope = Factory.Services.CreateAsyncScope();
        var changes = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Revisions
            .Where(r => r.Statement.PublicId == "csis16-04" && r.Origin == "edit").Select(r => r.Changes)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["status", "status"], changes);
    }

    [Fact]
    public async Task CreatingAStatementWithProblemsSavesNothingAndSaysWhatToFix()
    {
        var response = await SaveAsync("/admin/statements/new", new()
        {
            ["id"] = "csis16-01", ["source"] = "csis-2016-ch9", ["position"] = "100", ["speaker"] = "indian-fightr", ["text"] = "",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var problems = document.QuerySelectorAll(".field-error").Select(p => p.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains("“csis16-01” is taken already", StringComparison.Ordinal));
        // A form keeps what was typed.
        Assert.Equal("indian-fightr", document.QuerySelector("[name=speaker] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CreatingAStatementThroughTheForm()
    {
        var saved = await SaveAsync("/admin/statements/new", new()
        {
            ["id"] = "test-form-1", ["source"] = "test-untexted", ["position"] = "120", ["speaker"] = "indian-fighter",
            ["text"] = "Synthetic words typed into a form", ["reasons"] = "boredom", ["status"] = "published",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (response, page) = await Html.GetAsync(Client, "/s/test-form-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Synthetic words typed into a form", page.QuerySelector(".statement-text")!.TextContent);
    }

    [Fact]
    public async Task RenamingASpeakerReachesTheSearchIndex()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("/admin/speakers/indian-fighter",
            new() { ["description"] = "an Indian fighter (synthetic test rename)" })).StatusCode);
        var (_, search) = await Html.GetAsync(Client, "/search?q=rename");
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/s/csis16-13");
    }

    [Theory]
    [InlineData("/admin/sources/csis-2016-ch9", "notes")]
    [InlineData("/admin/statements/csis16-03", "context")]
    [InlineData("/admin/speakers/abu-ibrahim", "notes")]
    public async Task TheMarkdownPreviewRendersSafelyAndSavesNothing(string url, string column)
    {
        var fields = await FormAsync(url, new()
        {
            [column] = "**bold** [bad](javascript:alert(1)) [also bad](&#x6A;avascript:alert(1)) <script>alert(1)</script> "
                + "<img src=x onerror=alert(1)> [data](data:text/html,x)"
        });
        var response = await AdminSession.PostFormAsync(Client, url + "?handler=preview", fields, tokenFrom: url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await Html.ParseAsync(response)).QuerySelector(".markdown-preview")!;
        Assert.Equal("bold", preview.QuerySelector("strong")!.TextContent);
        Assert.Empty(preview.QuerySelectorAll("script, img, a[href^='javascript'], a[href^='data'], a[href*='&#']"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => !a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal));
        // Nothing saved.
        var (_, after) = await Html.GetAsync(Client, url);
        Assert.DoesNotContain("**bold**", after.QuerySelector($"textarea[name={column}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTableOrRowIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.GetAsync("/admin/maintainers", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.GetAsync("/admin/statements/no-such-statement", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.GetAsync("/admin/statements/no-such-statement/history", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task TwoFormsOnOneStatementTheSecondSaveIsRefusedWithWhatChangedAndTheFirstChangeIsKept()
    {
        const string Url = "/admin/statements/csis16-06";
        var first = await FormAsync(Url, new() { ["context"] = "Context set by the first maintainer." });
        var second = await FormAsync(Url, new() { ["content_note"] = "A note by the second maintainer." });
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSession.PostFormAsync(Client, Url, first)).StatusCode);

        var refused = await AdminSession.PostFormAsync(Client, Url, second);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("This statement was changed after you opened the form: context by " + AdminSession.Email, alert,
            StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", alert, StringComparison.Ordinal);
        // The form shows the newer values, to redo the change on.
        Assert.Equal("Context set by the first maintainer.", page.QuerySelector("textarea[name=context]")!.TextContent.Trim());

        await using var scope = Factory.Services.CreateAsyncScope();
        var statement = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Statements.AsNoTracking()
            .SingleAsync(s => s.PublicId == "csis16-06", TestContext.Current.CancellationToken);
        Assert.Equal("Context set by the first maintainer.", statement.Context);
        Assert.NotEqual("A note by the second maintainer.", statement.ContentNote);

        // Made again on the newer form, the second change is saved and keeps the first.
        Assert.Equal(HttpStatusCode.Redirect,
            (await SaveAsync(Url, new() { ["content_note"] = "A note by the second maintainer." })).StatusCode);
        var again = await FormAsync(Url, []);
        Assert.Equal(("Context set by the first maintainer.", "A note by the second maintainer."),
            (again["context"], again["content_note"]));
    }

    [Fact]
    public async Task TwoFormsOnOneSpeakerTheSecondSaveIsRefusedWithWhatChangedAndTheFirstChangeIsKept()
    {
        const string Url = "/admin/speakers/indian-fighter";
        var first = await FormAsync(Url, new() { ["description"] = "an Indian fighter, as the first maintainer puts it" });
        var second = await FormAsync(Url, new() { ["notes"] = "Notes by the second maintainer." });
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSession.PostFormAsync(Client, Url, first)).StatusCode);

        var refused = await AdminSession.PostFormAsync(Client, Url, second);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("This speaker was changed after you opened the form: description by " + AdminSession.Email,
            page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("an Indian fighter, as the first maintainer puts it",
            page.QuerySelector("input[name=description]")!.GetAttribute("value"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var speaker = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Speakers.AsNoTracking()
            .SingleAsync(s => s.Key == "indian-fighter", TestContext.Current.CancellationToken);
        Assert.Equal("an Indian fighter, as the first maintainer puts it", speaker.Description);
        Assert.NotEqual("Notes by the second maintainer.", speaker.Notes);
    }
}
