using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Codebook;

/// <summary>
/// /codebook, its versions, their comparison, the printable page and /codebook.json, on a site with three seeded versions.
/// </summary>
public class CodebookPageTests(CodebookSite site) : IClassFixture<CodebookSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly List<Dictionary<string, string>> Reasons = DataFolderTests.ReadCsv("reasons.csv");

    private async Task<IHtmlDocument> PageAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return document;
    }

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static string Name(string slug) => Reasons.Single(r => r["slug"] == slug)["name"];

    public static TheoryData<string> PageTypes() =>
        ["/codebook", "/codebook/versions", "/codebook/v/2", "/codebook/v/3", "/codebook/v/1", "/codebook/compare",
         "/codebook/compare?from=1&to=3"];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryCodebookPageRendersAccessibleHtml(string url)
    {
        var document = await PageAsync(url);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("header nav[aria-label]"));
        Assert.NotNull(document.QuerySelector("main#main"));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
        Assert.DoesNotContain("<em>for tests</em>", document.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCodebookShowsTheCurrentVersionAndItsCodesByThemeInTheTaxonomysOrder()
    {
        var document = await PageAsync("/codebook");
        var facts = document.QuerySelector("dl.codebook-version")!.TextContent;
        Assert.Contains("3 (the current version)", facts, StringComparison.Ordinal);
        Assert.Contains("1 November 2026", facts, StringComparison.Ordinal);
        Assert.Contains("Synthetic version 3: today's reasons.", facts, StringComparison.Ordinal);

        var themes = document.QuerySelectorAll("section.codebook-theme > h2").Select(h => h.TextContent).ToList();
        var expectedThemes = Names.Themes.Values.Where(t => Reasons.Any(r => r["theme"] == t.Slug())).Select(t => t.Name());
        Assert.Equal(expectedThemes, themes);

        // Within the taxonomy's themes, the reasons' own order; every code with its slug, definition and boundary.
        var codes = document.QuerySelectorAll("article.code").Select(a => a.Id![5..]).ToList();
        var expected = Names.Themes.Values.SelectMany(t => Reasons.Where(r => r["theme"] == t.Slug())
            .OrderBy(r => int.Parse(r["position"], System.Globalization.CultureInfo.InvariantCulture)).Select(r => r["slug"]));
        Assert.Equal(expected, codes);
        foreach (var reason in Reasons)
        {
            var code = document.GetElementById($"code-{reason["slug"]}")!;
            Assert.Equal(reason["name"], code.QuerySelector("h3")!.TextContent);
            Assert.Equal(reason["slug"], code.QuerySelector("dd code")!.TextContent);
            Assert.Contains(reason["definition"], code.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/reasons/{reason["slug"]}", code.QuerySelector("a[href^='/reasons/']")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task ABoundaryNamesItsNeighboursAsLinksWithTheirNamesNotTheirSlugs()
    {
        var document = await PageAsync("/codebook");
        var boundary = document.QuerySelector("#code-infighting dd.boundary")!;
        var links = boundary.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#code-brutality-and-indiscriminate-killing", Name("brutality-and-indiscriminate-killing")),
            ("#code-lack-of-humanitarian-concern", Name("lack-of-humanitarian-concern"))], links);
        Assert.DoesNotContain("brutality-and-indiscriminate-killing", boundary.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("The killing of civilians as such", boundary.TextContent, StringComparison.Ordinal);
        // Every slug a boundary names is shown by its name.
        foreach (var reason in Reasons.Where(r => r["boundary"].Length > 0))
        {
            var text = document.QuerySelector($"#code-{reason["slug"]} dd.boundary")!.TextContent;
            foreach (var other in Reasons.Where(o => o["slug"].Contains('-')))
                Assert.DoesNotContain(other["slug"], text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachCodeShowsUpToThreePublishedStatementsCodedWithItInTheArchivesOrder()
    {
        var document = await PageAsync("/codebook");
        foreach (var reason in Reasons)
        {
            var code = document.GetElementById($"code-{reason["slug"]}")!;
            Assert.Equal("Statements the archive coded with this reason", code.QuerySelector("h4")!.TextContent);
            var examples = code.QuerySelectorAll(".code-examples a").Select(a => a.GetAttribute("href")).ToList();
            // The reason's own page lists its published statements in the archive's one order.
            var (_, reasonPage) = await Html.GetAsync(site.Client, $"/reasons/{reason["slug"]}");
            var listed = reasonPage.QuerySelectorAll(".statement-card .permalink a").Select(a => a.GetAttribute("href")).Take(3).ToList();
            Assert.Equal(listed, examples);
        }
        Assert.Equal(3, document.QuerySelectorAll("#code-infighting .code-examples li").Length);
    }

    [Fact]
    public async Task TheCodebookLinksItsVersionsAgreementAndDownloadsAndSaysItIsTheArchives()
    {
        var document = await PageAsync("/codebook");
        var hrefs = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        foreach (var href in new[] { "/codebook/versions", "/codebook/compare", "/codebook/agreement", "/codebook.json", "/codebook/print",
                     "/codebook.qdc" })
            Assert.Contains(href, hrefs);
        Assert.Contains("archive’s own", document.QuerySelector(".codebook-ours")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not quoted from any source", document.QuerySelector(".codebook-ours")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSiteAndTheReasonsListLinkTheCodebook()
    {
        var home = await PageAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/codebook']"));
        var reasons = await PageAsync("/reasons");
        Assert.NotNull(reasons.QuerySelector("main a[href='/codebook']"));
    }

    [Fact]
    public async Task TheVersionsAreListedNewestFirstWithTheirNotesAndCounts()
    {
        var document = await PageAsync("/codebook/versions");
        var rows = document.QuerySelectorAll("table.codebook-versions tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["/codebook/v/3", "/codebook/v/2", "/codebook/v/1"],
            rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")));
        var cells = rows.Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal("1 November 2026", cells[0][0]);
        Assert.Equal("Synthetic version 2 <em>for tests</em>.", cells[1][1]);
        Assert.Equal(Reasons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0][2]);
        Assert.Equal(Reasons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1][2]); // one removed, one added
        Assert.Equal("not held", cells[2][2]);
        Assert.Equal("/codebook/compare?from=2&to=3", rows[0].QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("(current)", rows[0].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEarlierVersionShowsItsOwnCodesUnderANotice()
    {
        var document = await PageAsync("/codebook/v/2");
        Assert.Equal("Codebook, version 2", document.QuerySelector("h1")!.TextContent);
        var notice = document.QuerySelector("main p.notice")!;
        Assert.Contains("not the current version", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("a[href='/codebook/compare?from=2&to=3']"));
        Assert.NotNull(document.GetElementById($"code-{CodebookSite.RemovedSlug}"));
        Assert.Null(document.GetElementById($"code-{CodebookSite.AddedSlug}"));
        Assert.Contains(CodebookSite.OldInfightingDefinition, document.GetElementById("code-infighting")!.TextContent,
            StringComparison.Ordinal);
        // Its theme as it stood then; no examples (statements are coded with the current version), no link to a reason's page.
        Assert.Equal("theme-other", document.GetElementById("code-labelled-terrorist")!.ParentElement!.QuerySelector("h2")!.Id);
        Assert.Empty(document.QuerySelectorAll(".code-examples"));
        Assert.Empty(document.QuerySelectorAll("article.code a[href^='/reasons/']"));
        Assert.NotNull(document.QuerySelector("a[href='/codebook.json?version=2']"));
    }

    [Fact]
    public async Task TheCurrentVersionsPageHasNoNoticeAndAVersionWithoutCodesSaysSo()
    {
        var current = await PageAsync("/codebook/v/3");
        Assert.DoesNotContain("not the current version", current.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Reasons.Count, current.QuerySelectorAll("article.code").Length);

        var restored = await PageAsync("/codebook/v/1");
        Assert.Contains("does not hold this version’s codes", restored.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(restored.QuerySelectorAll("article.code"));
        Assert.Contains("Synthetic version 1, restored without its codes.", restored.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheComparisonDefaultsToThePreviousVersionAgainstTheCurrentOne()
    {
        var document = await PageAsync("/codebook/compare");
        Assert.Equal("Codebook: version 3 against version 2", document.QuerySelector("h1")!.TextContent);
        var explicitOne = await PageAsync("/codebook/compare?from=2&to=3");
        Assert.Equal(explicitOne.QuerySelector("main")!.InnerHtml, document.QuerySelector("main")!.InnerHtml);
        var onlyTo = await PageAsync("/codebook/compare?to=3");
        Assert.Equal("Codebook: version 3 against version 2", onlyTo.QuerySelector("h1")!.TextContent);
        var onlyFrom = await PageAsync("/codebook/compare?from=1");
        Assert.Equal("Codebook: version 3 against version 1", onlyFrom.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TheComparisonGivesCodesAddedRemovedAndEachChangedFieldWordByWord()
    {
        var document = await PageAsync("/codebook/compare?from=2&to=3");
        string[] Items(string heading) => document.GetElementById(heading)!.ParentElement!.QuerySelectorAll("li code")
            .Select(c => c.TextContent).ToArray();
        Assert.Equal([CodebookSite.AddedSlug], Items("added-heading"));
        Assert.Equal([CodebookSite.RemovedSlug], Items("removed-heading"));

        var changed = document.QuerySelectorAll("article.code-change").ToDictionary(a => a.QuerySelector("h3 code")!.TextContent);
        Assert.Equal(["infighting", "lack-of-humanitarian-concern", "labelled-terrorist"], changed.Keys.Order(StringComparer.Ordinal)
            .OrderBy(k => Reasons.FindIndex(r => r["slug"] == k)));
        var fields = changed["infighting"].QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["Definition"], fields);
        var diff = changed["infighting"].QuerySelector("dd.word-diff")!;
        var definition = Reasons.Single(r => r["slug"] == "infighting")["definition"];
        // Old words struck out, new words inserted, and together they give back each version's text.
        Assert.NotEmpty(diff.QuerySelectorAll("del"));
        Assert.NotEmpty(diff.QuerySelectorAll("ins"));
        string Without(string tag) => string.Concat(diff.ChildNodes.Where(n => n.NodeName != tag).Select(n => n.TextContent));
        Assert.Equal(definition, Without("DEL"));
        Assert.Equal(CodebookSite.OldInfightingDefinition, Without("INS"));
        Assert.Contains("other jihadist groups", string.Concat(diff.QuerySelectorAll("ins").Select(i => i.TextContent)),
            StringComparison.Ordinal);

        Assert.Equal(["Boundary"], changed["lack-of-humanitarian-concern"].QuerySelectorAll("dt").Select(d => d.TextContent));
        var theme = changed["labelled-terrorist"];
        Assert.Equal(["Theme"], theme.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal("Other → Fighting injustice", theme.QuerySelector("dd")!.TextContent);
    }

    [Fact]
    public async Task AComparisonWithAVersionWhoseCodesAreNotHeldSaysSo()
    {
        var document = await PageAsync("/codebook/compare?from=1&to=3");
        Assert.Contains("does not hold the codes of version 1", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("article.code-change"));
    }

    [Theory]
    [InlineData("/codebook/v/9", HttpStatusCode.NotFound)]
    [InlineData("/codebook/v/0", HttpStatusCode.NotFound)]
    [InlineData("/codebook/v/-1", HttpStatusCode.NotFound)]
    [InlineData("/codebook/v/abc", HttpStatusCode.NotFound)]
    [InlineData("/codebook/v/99999999999999999999", HttpStatusCode.NotFound)]
    [InlineData("/codebook/v/%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.NotFound)]
    [InlineData("/codebook/compare?from=x&to=3", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=2&to=2", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=1.5", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?to=%22%3E%3Cimg%20src%3Dx%3E", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=1&from=2", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/codebook/compare?from=1&to=77", HttpStatusCode.NotFound)]
    [InlineData("/codebook/compare?from=77", HttpStatusCode.NotFound)]
    [InlineData("/codebook/compare?to=1", HttpStatusCode.BadRequest)]
    public async Task BadVersionsAnswerAClearPageAndReflectNothing(string url, HttpStatusCode status)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src", html, StringComparison.OrdinalIgnoreCase);
        var document = await Html.ParseAsync(response);
        var h1 = document.QuerySelector("h1")!.TextContent;
        Assert.True(h1 is "No such codebook version" or "Compare codebook versions", h1);
        var message = document.QuerySelector("main p")!.ParentElement!.TextContent;
        Assert.Matches("no codebook version|must be a version number|two different versions|no earlier version", message);
    }

    [Fact]
    public async Task TheJsonGivesTheCurrentVersionInSnakeCaseWithTheReasonsCodes()
    {
        var json = await JsonAsync("/codebook.json");
        Assert.Equal(["version", "dated", "change_note", "current", "current_version", "note", "codes_held", "codes"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.GetProperty("version").GetInt32());
        Assert.Equal("2026-11-01", json.GetProperty("dated").GetString());
        Assert.True(json.GetProperty("current").GetBoolean());
        Assert.Contains("archive's own", json.GetProperty("note").GetString(), StringComparison.Ordinal);
        var codes = json.GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal(Reasons.Select(r => r["slug"]), codes.Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(["slug", "name", "theme", "definition", "boundary", "position"], codes[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Reasons[0]["boundary"], codes[0].GetProperty("boundary").GetString());
        var api = await JsonAsync("/api/v1/reasons");
        Assert.Equal(api.EnumerateArray().Select(r => r.GetProperty("definition").GetString()),
            codes.Select(c => c.GetProperty("definition").GetString()));
    }

    [Fact]
    public async Task TheJsonOfAnEarlierVersionIsThatVersions()
    {
        var two = await JsonAsync("/codebook.json?version=2");
        Assert.Equal(2, two.GetProperty("version").GetInt32());
        Assert.False(two.GetProperty("current").GetBoolean());
        Assert.Equal(3, two.GetProperty("current_version").GetInt32());
        var slugs = two.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();
        Assert.Contains(CodebookSite.RemovedSlug, slugs);
        Assert.DoesNotContain(CodebookSite.AddedSlug, slugs);

        var one = await JsonAsync("/codebook.json?version=1");
        Assert.False(one.GetProperty("codes_held").GetBoolean());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("codes").ValueKind);
        Assert.Equal("Synthetic version 1, restored without its codes.", one.GetProperty("change_note").GetString());
        Assert.Equal("2025-01-15", one.GetProperty("dated").GetString());
    }

    [Theory]
    [InlineData("?version=abc", HttpStatusCode.BadRequest)]
    [InlineData("?version=0", HttpStatusCode.BadRequest)]
    [InlineData("?version=-2", HttpStatusCode.BadRequest)]
    [InlineData("?version=1&version=2", HttpStatusCode.BadRequest)]
    [InlineData("?version=%3Cscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("?version=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("?version=12", HttpStatusCode.NotFound)]
    public async Task ABadVersionOfTheJsonIsAProblem(string query, HttpStatusCode status)
    {
        var response = await site.Client.GetAsync($"/codebook.json{query}", Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("version", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrintablePageHasTheCodesWithoutNavigationAndAPrintButtonThatNeedsNoInlineScript()
    {
        var response = await site.Client.GetAsync("/codebook/print", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Testimonies codebook, version 3", document.QuerySelector("h1")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("nav, header, footer, form"));
        Assert.Equal(Reasons.Count, document.QuerySelectorAll("article.code").Length);
        Assert.NotNull(document.QuerySelector("link[rel=stylesheet][href*='/css/site']"));
        Assert.NotNull(document.QuerySelector("script[src*='/js/site']"));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
        var button = document.QuerySelector("button[data-print]")!;
        Assert.True(button.HasAttribute("hidden")); // shown by site.js; without it the instructions say what to do
        Assert.Contains("Print command", document.QuerySelector(".print-instructions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiAndTheStatisticsSayWhichCodebookVersionTheirCountsFollow()
    {
        var reasons = await JsonAsync("/api/v1/reasons");
        Assert.All(reasons.EnumerateArray(), r => Assert.Equal(3, r.GetProperty("codebook_version").GetInt32()));
        var statements = await JsonAsync("/api/v1/statements?page_size=1");
        Assert.Equal(3, statements.GetProperty("codebook_version").GetInt32());
        var statistics = await JsonAsync("/statistics.json");
        Assert.Equal(3, statistics.GetProperty("codebook_version").GetProperty("number").GetInt32());
        var page = await PageAsync("/statistics");
        Assert.NotNull(page.QuerySelector("#codebook-version a[href='/codebook/v/3']"));
    }

    [Fact]
    public async Task TheDatasetsReadmeNamesTheCodebookVersion()
    {
        var response = await site.Client.GetAsync("/dataset.zip", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/README.md", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        var readme = await reader.ReadToEndAsync(Ct);
        Assert.Contains("follow codebook version 3 (2026-11-01): Synthetic version 3: today's reasons.", readme, StringComparison.Ordinal);
        Assert.Contains("/codebook/versions", readme, StringComparison.Ordinal);
    }
}
