using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Admin.Sets;

namespace Testimonies.Tests.Sets;

/// <summary>
/// Curated sets (/admin/sets, public at /sets/{slug}), a reader's draft set without JavaScript, and a withdrawn statement in a
/// set: tests that change the store, each on a site of its own. Synthetic titles and descriptions; the statements are data/'s.
/// </summary>
public class CuratedSetTests : MaintainerSiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Fields(string slug = "synthetic-lesson", string title = "Synthetic lesson set",
        string ids = "csis16-04, csis16-01\ncsis16-03", bool published = true) => new()
        {
            [CuratedSetWriter.SlugField] = slug, [CuratedSetWriter.TitleField] = title,
            [CuratedSetWriter.DescriptionField] = "Synthetic description with *emphasis* and <b>no HTML</b>.",
            [CuratedSetWriter.IdsField] = ids, [CuratedSetWriter.PublishedField] = published ? "true" : "",
        };

    private async Task<string> CreateAsync(Dictionary<string, string>? fields = null)
    {
        var response = await AdminSession.PostFormAsync(Client, "/admin/sets/new", fields ?? Fields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/sets/[0-9]+\\?saved=true$", location);
        return location[..location.IndexOf('?')];
    }

    /// <summary>Saves <paramref name="fields"/> over the set edited at <paramref name="edit"/>, as opened now.</summary>
    private async Task<HttpResponseMessage> SaveAsync(string edit, Dictionary<string, string> fields)
    {
        var (_, opened) = await Html.GetAsync(Client, edit);
        fields[EditModel.OpenedAtField] = opened.QuerySelector($"input[name={EditModel.OpenedAtField}]")!.GetAttribute("value")!;
        return await AdminSession.PostFormAsync(Client, edit, fields);
    }

    private async Task<List<CuratedSet>> StoredAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().CuratedSets.AsNoTracking().ToListAsync(Ct);
    }

    [Fact]
    public async Task AnEditorPublishesASetAtItsPermanentAddressThenUnpublishesIt()
    {
        var edit = await CreateAsync();
        var reader = AdminSession.NewClient(Factory);
        var (response, page) = await Html.GetAsync(reader, "/sets/synthetic-lesson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Synthetic lesson set", page.QuerySelector("h1")!.TextContent);
        var description = page.QuerySelector(".set-description")!;
        Assert.Contains("Curated by the archive", description.TextContent, StringComparison.Ordinal);
        Assert.NotNull(description.QuerySelector("em"));
        Assert.Null(description.QuerySelector("b"));
        Assert.Equal(["card-csis16-04", "card-csis16-01", "card-csis16-03"],
            page.QuerySelectorAll(".set-statements article.statement-card").Select(a => a.GetAttribute("aria-labelledby")));
        Assert.NotNull(page.QuerySelector("a[href='/sets/synthetic-lesson/handout?style=chicago']"));

        var (handout, handoutPage) = await Html.GetAsync(reader, "/sets/synthetic-lesson/handout");
        Assert.Equal(HttpStatusCode.OK, handout.StatusCode);
        Assert.Equal(3, handoutPage.QuerySelectorAll("img.qr").Length);
        var (embed, _) = await Html.GetAsync(reader, "/sets/synthetic-lesson/embed?cover=1");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.EndsWith("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var bib = await reader.GetAsync("/sets/synthetic-lesson.bib", Ct);
        Assert.Equal(HttpStatusCode.OK, bib.StatusCode);
        Assert.Contains("testimonies-csis16-04", await bib.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var fields = Fields(published: false);
        var saved = await SaveAsync(edit, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sets/synthetic-lesson", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sets/synthetic-lesson/handout", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sets/synthetic-lesson.ris", Ct)).StatusCode);
        Assert.False(Assert.Single(await StoredAsync()).Published);
    }

    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "", "Synthetic", "csis16-03", CuratedSetWriter.SlugField },
        { "Bad Slug", "Synthetic", "csis16-03", CuratedSetWriter.SlugField },
        { "draft", "Synthetic", "csis16-03", CuratedSetWriter.SlugField },
        { "synthetic", "", "csis16-03", CuratedSetWriter.TitleField },
        { "synthetic", new string('t', 201), "csis16-03", CuratedSetWriter.TitleField },
        { "synthetic", "Synthetic", "", CuratedSetWriter.IdsField },
        { "synthetic", "Synthetic", "csis16-03, no-such-statement", CuratedSetWriter.IdsField },
        { "synthetic", "Synthetic", "csis16-03, csis16-03", CuratedSetWriter.IdsField },
        { "synthetic", "Synthetic", string.Join(',', Enumerable.Range(1, 51).Select(i => $"synthetic-{i}")), CuratedSetWriter.IdsField },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AWrongFieldIs422BesideItAndNothingIsStored(string slug, string title, string ids, string field)
    {
        var response = await AdminSession.PostFormAsync(Client, "/admin/sets/new", Fields(slug, title, ids), "/admin/sets/new");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#{field}-problem.field-error"));
        Assert.NotNull(page.QuerySelector($"[role=alert] a[href='#{field}']"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task AnUnknownIdIsNamedInTheEditorsMessage()
    {
        var response = await AdminSession.PostFormAsync(Client, "/admin/sets/new", Fields(ids: "csis16-03, no-such-statement"));
        var page = await Html.ParseAsync(response);
        Assert.Contains("no-such-statement is not a published statement", page.QuerySelector("#ids-problem")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASaveOverANewerOneIsRefusedWith409AndTheNewerIsKept()
    {
        var edit = await CreateAsync();
        var (_, opened) = await Html.GetAsync(Client, edit);
        var stale = Html.FormFields(opened.QuerySelector("form.admin-form")!);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(edit, Fields(title: "Synthetic first"))).StatusCode);
        stale[CuratedSetWriter.TitleField] = "Synthetic second";
        var response = await AdminSession.PostFormAsync(Client, edit, stale);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Another editor saved this set", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Synthetic first", Assert.Single(await StoredAsync()).Title);
    }

    [Fact]
    public async Task WithoutTheAntiforgeryTokenIs400AndNothingIsStored()
    {
        await Html.GetAsync(Client, "/admin/sets/new");
        var response = await Client.PostAsync("/admin/sets/new", new FormUrlEncodedContent(Fields()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task ACoderIsRefused403()
    {
        var coder = await AdminSession.LoggedInAsAsync(Factory, "synthetic-coder-2@example.org", MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync("/admin/sets", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync("/admin/sets/new", Ct)).StatusCode);
        var (_, list) = await Html.GetAsync(Client, "/admin/sets");
        Assert.NotNull(list.QuerySelector("nav.admin-nav a[href='/admin/sets']"));
    }

    [Fact]
    public async Task AWithdrawnStatementIsNamedInASet()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await db.Statements.Where(s => s.PublicId == "csis16-05")
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, PublicationStatus.Withdrawn), Ct);
            await db.BumpVersionAsync(Ct);
        }
        var (response, page) = await Html.GetAsync(AdminSession.NewClient(Factory), "/sets?ids=csis16-05,csis16-03");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("csis16-05: withdrawn", page.QuerySelector(".set-notes")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".set-statements article.statement-card"));
    }

    [Fact]
    public async Task AReaderBuildsASetWithoutJavaScriptThroughTheDraftCookie()
    {
        var reader = AdminSession.NewClient(Factory);
        foreach (var id in new[] { "csis16-03", "csis16-01", "csis16-03", "no-such-statement", "csis16-07" })
        {
            var added = await reader.GetAsync($"/sets/add?id={id}", Ct);
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
            Assert.StartsWith("/sets/draft?note=", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var (draft, page) = await Html.GetAsync(reader, "/sets/draft");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("no-store", draft.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("/sets?ids=csis16-03,csis16-01,csis16-07", page.QuerySelector("a.set-link")!.GetAttribute("href"));

        // Move the last one up, remove the first: forms with their tokens, no script.
        var move = page.QuerySelectorAll(".draft-controls form").First(f =>
            f.QuerySelector("input[name=id]")!.GetAttribute("value") == "csis16-07"
            && f.TextContent.Contains("Move up", StringComparison.Ordinal));
        var moved = await AdminSession.PostFormAsync(reader, move.GetAttribute("action")!, Html.FormFields(move), "/sets/draft");
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        var (_, after) = await Html.GetAsync(reader, "/sets/draft");
        Assert.Equal("/sets?ids=csis16-03,csis16-07,csis16-01", after.QuerySelector("a.set-link")!.GetAttribute("href"));
        var (_, note) = await Html.GetAsync(reader, "/sets/draft?note=unknown");
        Assert.Contains("not a published statement", note.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var refused = await reader.PostAsync("/sets/draft?handler=Clear", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    /// <summary>A published set was reachable from no page: /sets lists them, the menu leads there, the sitemap names them.</summary>
    [Fact]
    public async Task APublishedSetIsListedOnTheSetsPageAndInTheSitemapAndTheMenuLeadsThere()
    {
        await CreateAsync();
        var reader = AdminSession.NewClient(Factory);
        var (response, page) = await Html.GetAsync(reader, "/sets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Quote sets", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".curated-sets a"), a => a.GetAttribute("href") == "/sets/synthetic-lesson"
            && a.TextContent == "Synthetic lesson set");
        Assert.NotNull(page.QuerySelector("main a[href='/sets/draft']"));
        Assert.NotNull(page.QuerySelector(".site-header nav a[href='/sets'][aria-current=page]"));
        var sitemap = await reader.GetStringAsync("/sitemap.xml", Ct);
        Assert.Contains("/sets/synthetic-lesson</loc>", sitemap, StringComparison.Ordinal);
    }
}
