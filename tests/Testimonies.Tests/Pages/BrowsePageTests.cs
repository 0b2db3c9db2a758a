using System.Net;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>Home, lists, reasons, speakers and sources, rendered from the real data/.</summary>
public class BrowsePageTests(SiteFixture site)
{
    public static TheoryData<string> PageTypes() =>
        ["/", "/statements", "/s/csis16-01", "/s/csis16-13", "/reasons", "/reasons/infighting", "/speakers", "/speakers/abu-ibrahim",
         "/sources", "/sources/csis-2016-ch9", "/about", "/codebook", "/codebook/versions", "/codebook/compare",
         "/codebook/agreement"];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryPageTypeRendersAccessibleHtml(string url)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("header nav[aria-label]"));
        Assert.NotNull(document.QuerySelector("main#main"));
        Assert.NotNull(document.QuerySelector("a.skip-link[href='#main']"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Empty(document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [MemberData(nameof(ReasonSlugs))]
    public async Task AReasonsBoundaryNamesItsNeighboursNotTheirSlugs(string slug)
    {
        var reasons = DataFolderTests.ReadCsv("reasons.csv");
        var (_, page) = await Html.GetAsync(site.Client, $"/reasons/{slug}");
        if (page.QuerySelector("dd.boundary") is not { } boundary) return;
        foreach (var other in reasons.Where(r => r["slug"] != slug && boundary.TextContent.Contains(r["name"], StringComparison.Ordinal)))
            Assert.NotNull(boundary.QuerySelector($"a[href='/reasons/{other["slug"]}']"));
        Assert.DoesNotContain(reasons, r => System.Text.RegularExpressions.Regex.IsMatch(boundary.TextContent,
            $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(r["slug"])}(?![\w-])") && r["slug"].Contains('-'));
    }

    public static TheoryData<string> ReasonSlugs() => [.. DataFolderTests.ReadCsv("reasons.csv").Select(r => r["slug"])];

    [Fact]
    public async Task HomeSaysWhatTheArchiveHoldsAndCountsEachReason()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/");
        Assert.Contains("18 statements", document.QuerySelector(".intro")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".intro .content-note"));
        var infighting = document.QuerySelectorAll(".count-list li")
            .Single(li => li.QuerySelector("a")?.GetAttribute("href") == "/reasons/infighting");
        var expected = DataFolderTests.ReadCsv("statements.csv").Count(r => r["reasons"].Split(';').Contains("infighting"));
        Assert.Contains($"{expected} statements", infighting.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll(".statement-card"));
    }

    [Fact]
    public async Task HomeFeaturesTheFirstQuotationOfEachThemeInSourceOrder()
    {
        // The data folder holds one source, its statements in position order.
        var reasons = DataFolderTests.ReadCsv("reasons.csv").ToDictionary(r => r["slug"],
            r => (Theme: r["theme"], Position: int.Parse(r["position"], System.Globalization.CultureInfo.InvariantCulture)));
        var expected = DataFolderTests.ReadCsv("statements.csv")
            .Where(r => r["kind"] == "quotation" && r["status"] == "published" && r["reasons"] != "")
            .Select(r => (Id: r["id"], Theme: r["reasons"].Split(';').Select(slug => reasons[slug]).MinBy(x => x.Position).Theme))
            .DistinctBy(r => r.Theme).Take(4).Select(r => $"/s/{r.Id}").ToList();
        var (_, document) = await Html.GetAsync(site.Client, "/");
        var shown = document.QuerySelectorAll("section[aria-labelledby='featured-heading'] .statement-card .permalink a")
            .Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task TheStatementsListPagesThroughEveryStatement()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/statements");
        var ids = document.QuerySelectorAll(".statement-card .permalink a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(DataFolderTests.ReadCsv("statements.csv").Select(r => $"/s/{r["id"]}"), ids);
    }

    [Theory]
    [InlineData("2", HttpStatusCode.NotFound, "There is no page 2")]
    [InlineData("0", HttpStatusCode.NotFound, "There is no page 0")]
    [InlineData("-3", HttpStatusCode.NotFound, "There is no page -3")]
    [InlineData("99999999999999999999", HttpStatusCode.BadRequest, "is not a page number")]
    [InlineData("abc", HttpStatusCode.BadRequest, "“abc” is not a page number")]
    [InlineData("%3Cb%3Ebold%3C%2Fb%3E", HttpStatusCode.BadRequest, "“<b>bold</b>” is not a page number")]
    public async Task ABadPageNumberIsExplainedNotAnError(string page, HttpStatusCode status, string message)
    {
        var (response, document) = await Html.GetAsync(site.Client, $"/statements?page={page}");
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".notice b"));
    }

    [Fact]
    public async Task AReasonPageShowsTheArchivesCountBesideTheSourcesFindingEachLabelled()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/reasons/racism-and-discrimination");
        var count = document.QuerySelector(".archive-count")!;
        var finding = document.QuerySelector(".source-finding")!;
        var expected = DataFolderTests.ReadCsv("statements.csv").Count(r => r["reasons"].Split(';').Contains("racism-and-discrimination"));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), count.QuerySelector(".number")!.TextContent);
        Assert.Contains("count of this archive’s published statements", count.TextContent, StringComparison.Ordinal);
        Assert.Equal("8.5 per cent", finding.QuerySelector(".number")!.TextContent);
        Assert.Contains("not a count of this archive", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("note marker 107", finding.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected, document.QuerySelectorAll(".statement-card").Length);
    }

    [Fact]
    public async Task AReasonWithoutStatementsSaysSo()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/reasons/boredom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", document.QuerySelector(".archive-count .number")!.TextContent);
        Assert.Contains("No source in the archive publishes a figure", document.QuerySelector(".source-finding")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReasonsPageListsEveryReasonByThemeWithItsDefinition()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/reasons");
        var reasons = DataFolderTests.ReadCsv("reasons.csv");
        var rows = document.QuerySelectorAll("tbody tr");
        Assert.Equal(reasons.Count, rows.Length);
        Assert.Equal(["Fighting injustice", "Islamic unity", "Corruption and barbarism", "Other"],
            document.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.All(reasons, r => Assert.Contains(rows, row => row.TextContent.Contains(r["definition"], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ASourcePageListsItsStatementsInTheOrderOfTheSource()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9");
        var ids = document.QuerySelectorAll(".statement-card .permalink a").Select(a => a.GetAttribute("href")).ToList();
        var expected = DataFolderTests.ReadCsv("statements.csv")
            .OrderBy(r => int.Parse(r["position"], System.Globalization.CultureInfo.InvariantCulture)).Select(r => $"/s/{r["id"]}");
        Assert.Equal(expected, ids);
        var facts = document.QuerySelector(".facts")!.TextContent;
        Assert.Contains("Canadian Security Intelligence Service", facts, StringComparison.Ordinal);
        Assert.Contains("January 2016", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", facts, StringComparison.Ordinal); // no web address: the line is left out
        Assert.Contains("None named", facts, StringComparison.Ordinal);
        Assert.Equal(3, document.QuerySelectorAll(".source-finding").Length);
    }

    [Fact]
    public async Task AnonymousSpeakersStayDistinct()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/speakers");
        var speakers = DataFolderTests.ReadCsv("speakers.csv");
        Assert.Equal(speakers.Count, document.QuerySelectorAll("tbody tr").Length);
        var british = document.QuerySelectorAll("tbody tr").Count(tr => tr.TextContent.Contains("British", StringComparison.Ordinal));
        Assert.Equal(3, british);
    }

    [Fact]
    public async Task SpeakersAreListedAlphabeticallyWhateverTheCaseAndPastALeadingArticle()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/speakers");
        var names = document.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelector("a")!.TextContent.Trim()).ToList();
        static string Filed(string name) =>
            System.Text.RegularExpressions.Regex.Replace(name, "^(A|An|The) ", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.Equal(names.OrderBy(Filed, StringComparer.OrdinalIgnoreCase), names, StringComparer.Ordinal);
        // Each entry starts as a list entry does, with a capital ("a defector who…" → "A defector who…"), and
        // descriptions file under their first word after the article, not all under "a".
        Assert.All(names, n => Assert.True(char.IsUpper(n[0]), n));
        Assert.Contains(names, n => n.StartsWith("A ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASpeakerPageSaysWhatTheSourceSaysAndNoMore()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/speakers/british-fighter-london");
        var facts = document.QuerySelector(".facts")!.TextContent;
        Assert.Contains("Not given by the source", facts, StringComparison.Ordinal);
        Assert.Contains("British", facts, StringComparison.Ordinal);
        Assert.Single(document.QuerySelectorAll(".statement-card"));
    }

    [Theory]
    [InlineData("/reasons/no-such-reason")]
    [InlineData("/speakers/no-such-speaker")]
    [InlineData("/sources/no-such-source")]
    public async Task UnknownReasonSpeakerOrSourceGives404(string url)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheStylesheetIsServedInProduction()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/");
        var href = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var response = await site.Client.GetAsync(href, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("gzip, deflate, br")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task StaticFilesKeepTheirTypeAndBodyForBrowsersThatAcceptCompression(string acceptEncoding)
    {
        // Regression: in Production from build output, a gzip request for the stylesheet got 200, no body, no type.
        var (_, document) = await Html.GetAsync(site.Client, "/");
        foreach (var href in new[] { document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!,
            document.QuerySelector("script[src]")!.GetAttribute("src")! })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Content.Headers.ContentType);
            Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 0,
                $"{href} came back empty");
        }
    }

    [Fact]
    public async Task TheErrorPageShowsNoInternals()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/error");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Exception", document.Body!.TextContent, StringComparison.Ordinal);
    }
}
