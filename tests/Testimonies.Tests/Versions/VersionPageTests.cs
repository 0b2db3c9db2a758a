using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Versions;

/// <summary>
/// Citable versions through the site: a correction through the edit form makes version 2, /s/{id}/v/1 still shows the words it
/// had and says what changed, and its citations carry its own address. Synthetic words, on the untexted test source.
/// </summary>
public class VersionPageTests : MaintainerSiteTests
{
    private const string Id = "test-version-1";
    private const string OldWords = "Synthetic statement 12: I didn’t come for this";
    private const string NewWords = "Synthetic statement 12: I did not come for this";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where the maintainer's client reaches the site (HTTPS, as the admin pages need): the address citations carry.</summary>
    private string Site => Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    private async Task CreateAndCorrectAsync()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.SaveAsync(Client, "/admin/statements/new", new()
        {
            ["id"] = Id, ["source"] = UntextedSource.Key, ["position"] = "131", ["speaker"] = "indian-fighter",
            ["text"] = OldWords, ["status"] = "published",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.SaveAsync(Client, $"/admin/statements/{Id}", new()
        {
            ["text"] = NewWords, ["correction_note"] = "Synthetic correction of a transcription.",
        })).StatusCode);
    }

    [Fact]
    public async Task ACorrectionMakesVersionTwoAndVersionOneKeepsTheOldWords()
    {
        await CreateAndCorrectAsync();

        var (first, v1) = await Html.GetAsync(Client, $"/s/{Id}/v/1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(OldWords, v1.QuerySelector(".statement-text")!.TextContent);
        var differs = v1.QuerySelector(".version-differs")!;
        Assert.Contains("The statement has changed since this version", differs.TextContent, StringComparison.Ordinal);
        Assert.Contains("Synthetic correction of a transcription.", differs.TextContent, StringComparison.Ordinal);
        Assert.Equal("didn’t ", differs.QuerySelector(".word-diff del")!.TextContent);
        Assert.Equal("did not ", differs.QuerySelector(".word-diff ins")!.TextContent);
        Assert.Contains(differs.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/s/{Id}");
        Assert.Equal($"{Site}/s/{Id}/v/1", v1.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains($"{Site}/s/{Id}/v/1", v1.QuerySelector(".cite")!.TextContent, StringComparison.Ordinal);

        var (_, v2) = await Html.GetAsync(Client, $"/s/{Id}/v/2");
        Assert.Equal(NewWords, v2.QuerySelector(".statement-text")!.TextContent);
        Assert.Null(v2.QuerySelector(".version-differs"));
        Assert.Contains("This is the current version", v2.QuerySelector(".version-notice")!.TextContent, StringComparison.Ordinal);

        var (_, page) = await Html.GetAsync(Client, $"/s/{Id}");
        var versions = page.QuerySelector(".side-versions")!;
        Assert.Contains("This is version 2", versions.TextContent, StringComparison.Ordinal);
        Assert.Contains(versions.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/s/{Id}/v/1");
        Assert.Contains(versions.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/s/{Id}/v/2");
        Assert.Contains("Synthetic correction of a transcription.", versions.TextContent, StringComparison.Ordinal);

        // The API gives the current version's number.
        using var api = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/statements/{Id}", Ct));
        Assert.Equal(2, api.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ChangesThatNeedNoNewCitationMakeNoVersion()
    {
        await CreateAndCorrectAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.SaveAsync(Client, $"/admin/statements/{Id}", new()
        {
            ["context"] = "Synthetic context note.", ["content_note"] = "Synthetic content note.",
        })).StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var numbers = await db.StatementVersions.Where(v => v.Statement.PublicId == Id).OrderBy(v => v.Number)
            .Select(v => v.Number).ToListAsync(Ct);
        Assert.Equal([1, 2], numbers);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/s/{Id}/v/3", Ct)).StatusCode);
    }

    [Fact]
    public async Task EveryRealStatementHasItsVersionOneAtLoad()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.Equal(await db.Statements.CountAsync(Ct), await db.StatementVersions.CountAsync(v => v.Number == 1, Ct));
        var (_, v1) = await Html.GetAsync(Client, "/s/csis16-03/v/1");
        Assert.Equal("Muslims are fighting Muslims; I didn’t come for that", v1.QuerySelector(".statement-text")!.TextContent);
        Assert.Contains("This is the current version", v1.QuerySelector(".version-notice")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bib", "bibtex")]
    [InlineData("ris", "ris")]
    [InlineData("json", "csl")]
    public async Task VersionOnesCitationFilesCarryItsAddressAndNumber(string format, string reader)
    {
        await CreateAndCorrectAsync();
        var response = await Client.GetAsync($"/s/{Id}/v/1/cite.{format}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"testimonies-{Id}-v1.", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"{Site}/s/{Id}/v/1", text, StringComparison.Ordinal);
        Assert.Contains(OldWords, text, StringComparison.Ordinal);
        Assert.DoesNotContain(NewWords, text, StringComparison.Ordinal);

        Assert.SkipUnless(CitationJs.NodeInstalled, CitationJs.SkipReason);
        var items = await CitationJs.ParseAsync(text, reader);
        var page = items.EnumerateArray().Single(i => i.GetProperty("type").GetString() == "webpage");
        Assert.Equal($"{Site}/s/{Id}/v/1", page.GetProperty("URL").GetString());
        Assert.StartsWith($"Statement {Id}, version 1: ", page.GetProperty("title").GetString(), StringComparison.Ordinal);
        if (format == "json") Assert.Equal("1", page.GetProperty("version").GetString());
        if (format == "bib") Assert.Equal("1", page.TryGetProperty("version", out var v) ? v.ToString() : null);
    }

    [Theory]
    [InlineData("/s/csis16-03/v/abc")]
    [InlineData("/s/csis16-03/v/01")]
    [InlineData("/s/csis16-03/v/0")]
    [InlineData("/s/csis16-03/v/-1")]
    [InlineData("/s/csis16-03/v/99999999999999999999")]
    [InlineData("/s/csis16-03/v/9")]
    [InlineData("/s/no-such-statement/v/1")]
    [InlineData("/s/csis16-03/v/abc/cite.bib")]
    [InlineData("/s/csis16-03/v/9/cite.json")]
    [InlineData("/s/csis16-03/v/1/cite.docx")]
    public async Task UnknownVersionsAreNotFound(string path)
    {
        var response = await Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AWithdrawnStatementsVersionsAreGone()
    {
        Assert.Equal(HttpStatusCode.Redirect,
            (await RecordForm.SaveAsync(Client, "/admin/statements/csis16-04", new() { ["status"] = "withdrawn" })).StatusCode);
        var (page, document) = await Html.GetAsync(Client, "/s/csis16-04/v/1");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("was withdrawn", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await Client.GetAsync("/s/csis16-04/v/1/cite.ris", Ct)).StatusCode);
    }

    [Fact]
    public async Task AVersionThatDiffersPassesHtmlValidate()
    {
        Assert.SkipUnless(CitationJs.NodeInstalled, HtmlValidate.SkipReason);
        await CreateAndCorrectAsync();
        var pages = new Dictionary<string, string>
        {
            ["version-1"] = await Client.GetStringAsync($"/s/{Id}/v/1", Ct),
            ["statement"] = await Client.GetStringAsync($"/s/{Id}", Ct),
        };
        var errors = await HtmlValidate.ErrorsAsync(pages);
        Assert.True(errors.Length == 0, $"html-validate: {errors.Length} errors\n{string.Join('\n', errors)}");
    }
}
