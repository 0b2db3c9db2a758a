using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Pages.Sets;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Sets;

/// <summary>A reader's set from its address alone: order, duplicates, ids it cannot show, limits, title, files, handout, embed.</summary>
public class QuoteSetPageTests(SiteFixture site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] CardIds(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("ol.set-statements > li > article.statement-card")
            .Select(a => a.GetAttribute("aria-labelledby")!["card-".Length..]).ToArray();

    [Fact]
    public async Task TheSetShowsItsStatementsInTheOrderGivenEachOnceAndSaysSo()
    {
        var (response, page) = await Html.GetAsync(site.Client, "/sets?ids=csis16-05,csis16-02&ids=csis16-05,CSIS16-09,csis16-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["csis16-05", "csis16-02", "csis16-09"], CardIds(page));
        var notes = page.QuerySelector(".set-notes")!.TextContent;
        Assert.Contains("Named more than once, shown once", notes, StringComparison.Ordinal);
        Assert.Contains("csis16-05, csis16-02", notes, StringComparison.Ordinal);
        // The shareable address keeps the order, each id once.
        Assert.StartsWith("/sets?ids=csis16-05,csis16-02,csis16-09", page.QuerySelector("a.set-link")!.GetAttribute("href"),
            StringComparison.Ordinal);
        // One bibliography of the sources, in each style; each card with its speaker, source and locator.
        Assert.Equal(3, page.QuerySelectorAll(".set-bibliography ul.references").Length);
        Assert.All(page.QuerySelectorAll(".set-statements .attribution"),
            a => Assert.Contains("ch. 9", a.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdsItCannotShowAreNamedNeverA500()
    {
        var (response, page) = await Html.GetAsync(site.Client, "/sets?ids=csis16-03,no-such-statement,%3Cb%3Ebold%3C%2Fb%3E,,");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["csis16-03"], CardIds(page));
        var notes = page.QuerySelector(".set-notes")!;
        Assert.Contains("no-such-statement: not in the archive", notes.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b> is not a statement id", notes.TextContent, StringComparison.Ordinal);
        Assert.Null(notes.QuerySelector("b"));
    }

    [Fact]
    public async Task FiftyStatementsAreASetAndFiftyOneAreRefusedNamingTheLimit()
    {
        var fifty = string.Join(',', Enumerable.Range(1, SetRequest.MaxStatements).Select(i => $"synthetic-{i}"));
        var (ok, _) = await Html.GetAsync(site.Client, $"/sets?ids=csis16-03,{fifty[(fifty.IndexOf(',') + 1)..]}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        foreach (var url in new[]
                 { $"/sets?ids=csis16-03,{fifty}", $"/sets/handout?ids=csis16-03,{fifty}", $"/sets/embed?ids=csis16-03,{fifty}" })
        {
            var (response, page) = await Html.GetAsync(site.Client, url);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("at most 50 statements; this address names 51", page.QuerySelector("[role=alert]")!.TextContent,
                StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("article.statement-card"));
        }
        var file = await site.Client.GetAsync($"/sets.bib?ids=csis16-03,{fifty}", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, file.StatusCode);
    }

    [Fact]
    public async Task AHostileTitleIsEncodedOnOneLineAndCutAt200Characters()
    {
        var hostile = "<script>alert(1)</script>\u0007 \n <img src=x onerror=alert(2)> " + new string('x', 300);
        var (response, page) = await Html.GetAsync(site.Client, $"/sets?ids=csis16-03&title={Uri.EscapeDataString(hostile)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var heading = page.QuerySelector("h1")!;
        Assert.Empty(heading.Children);
        Assert.StartsWith("<script>alert(1)</script> <img src=x onerror=alert(2)> xxx", heading.TextContent, StringComparison.Ordinal);
        Assert.Equal(SetRequest.MaxTitleLength, heading.TextContent.Length);
        Assert.Contains("cut to 200 characters", page.QuerySelector(".set-notes")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("not the archive’s", page.QuerySelector(".set-title-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSetsFilesParseWithCitationJsAndItsCsvIsTheSearchExportsShape()
    {
        const string ids = "csis16-07,csis16-02,csis16-07";
        var csv = await site.Client.GetAsync($"/sets.csv?ids={ids}&cover=1", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', StatementExportRow.Columns), lines[0]);
        Assert.StartsWith("csis16-07,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("csis16-02,", lines[2], StringComparison.Ordinal);

        Assert.SkipUnless(CitationJs.NodeInstalled, CitationJs.SkipReason);
        foreach (var (extension, format) in new[] { ("bib", "bibtex"), ("ris", "ris"), ("json", "csl") })
        {
            var response = await site.Client.GetAsync($"/sets.{extension}?ids={ids}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            var items = await CitationJs.ParseAsync(await response.Content.ReadAsStringAsync(Ct), format);
            var pages = items.EnumerateArray().Where(i => i.GetProperty("type").GetString() == "webpage")
                .Select(i => i.GetProperty("URL").GetString()).ToList();
            Assert.Equal(["http://localhost/s/csis16-07", "http://localhost/s/csis16-02"], pages);
        }
    }

    [Fact]
    public async Task TheHandoutHasOneQrCodePerStatementAndLinksFromTheConfiguredAddress()
    {
        const string publicUrl = "https://testimonies.example.org";
        using var factory = new ConfiguredFactory(site.Store, new Dictionary<string, string> { ["Archive:PublicUrl"] = publicUrl + "/" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(publicUrl) });
        var (response, page) = await Html.GetAsync(client, "/sets/handout?ids=csis16-03,csis16-01,csis16-14&style=apa&title=Lesson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = page.QuerySelectorAll("img.qr");
        Assert.Equal(3, codes.Length);
        Assert.All(codes, img => Assert.StartsWith("data:image/png;base64,", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal(["https://testimonies.example.org/s/csis16-03", "https://testimonies.example.org/s/csis16-01",
            "https://testimonies.example.org/s/csis16-14"],
            page.QuerySelectorAll(".handout-permalink a").Select(a => a.GetAttribute("href")));
        Assert.Contains("APA 7", page.QuerySelector(".handout-header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll(".handout-cite").Count(c => c.TextContent.Contains("Retrieved", StringComparison.Ordinal)));
        Assert.Equal("Lesson", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("link[href^='/css/sets'][href$='.css']"));
    }

    [Fact]
    public async Task TheEmbedMayBeFramedTheSetPageMayNot()
    {
        var (embed, page) = await Html.GetAsync(site.Client, "/sets/embed?ids=csis16-03,csis16-01&cover=1");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.EndsWith("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.Equal("_blank", page.QuerySelector("base")!.GetAttribute("target"));
        Assert.NotNull(page.QuerySelector("head script[src='/js/embed-frame.js'][defer]"));
        Assert.Contains("Testimonies archive", page.QuerySelector(".embed-link")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("article.statement-card").Length);

        var (set, setPage) = await Html.GetAsync(site.Client, "/sets?ids=csis16-03,csis16-01");
        Assert.EndsWith("frame-ancestors 'none'", set.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", set.Headers.GetValues("X-Frame-Options").Single());
        // The embed code, with and without the classroom cover, for an iframe the embed script sizes.
        var codes = setPage.QuerySelectorAll("code.embed-code").Select(c => c.TextContent).ToList();
        Assert.Equal(2, codes.Count);
        Assert.All(codes, c => Assert.Contains("data-testimonies-embed", c, StringComparison.Ordinal));
        Assert.Contains("/sets/embed?ids=csis16-03,csis16-01&cover=1", codes[1], StringComparison.Ordinal);
        Assert.NotNull(setPage.QuerySelector("a[href='/sets?ids=csis16-03,csis16-01&cover=1']"));
    }

    [Fact]
    public async Task EveryCardAndTheStatementPageHaveAnAddToSetFormWithoutATokenOrCookie()
    {
        var (_, list) = await Html.GetAsync(site.Client, "/statements");
        var cards = list.QuerySelectorAll("article.statement-card");
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.NotNull(card.QuerySelector("form.add-to-set[method=get][action='/sets/add'] input[name=id]")));
        var (statement, page) = await Html.GetAsync(site.Client, "/s/csis16-03");
        Assert.NotNull(page.QuerySelector("form.add-to-set input[name=id][value=csis16-03]"));
        Assert.Null(page.QuerySelector("form.add-to-set input[name=__RequestVerificationToken]"));
        Assert.False(statement.Headers.Contains("Set-Cookie"));
    }

    /// <summary>An empty file looked like a failed download; an empty set offered files, a handout and an embed of nothing.</summary>
    [Fact]
    public async Task ASetOfNothingOffersNoFilesAndItsDownloadsSaySo()
    {
        var (response, page) = await Html.GetAsync(site.Client, "/sets?ids=no-such-statement");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".set-share"));
        var download = await site.Client.GetAsync("/sets.bib?ids=no-such-statement", Ct);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains("no statements", await download.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHandoutHasAPrintButtonThatTheScriptShows()
    {
        var (_, page) = await Html.GetAsync(site.Client, "/sets/handout?ids=csis16-03,csis16-14");
        Assert.NotNull(page.QuerySelector("button[data-print][hidden]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/site']"));
    }

    /// <summary>Every set's files were called testimonies-set.*, whatever the set: named now after its title or its statements.</summary>
    [Theory]
    [InlineData("/sets.bib?ids=csis16-03,csis16-14&title=Why%20they%20l%C3%A9ft", "testimonies-set-why-they-left.bib")]
    [InlineData("/sets.csv?ids=csis16-03,csis16-14,csis16-01", "testimonies-set-csis16-03-and-2-more.csv")]
    [InlineData("/sets.ris?ids=csis16-03", "testimonies-set-csis16-03.ris")]
    public async Task ASetsFilesAreNamedAfterTheSet(string url, string fileName)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}
