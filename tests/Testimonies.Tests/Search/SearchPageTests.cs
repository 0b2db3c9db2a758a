using System.Net;
using System.Text;
using System.Text.Json;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Search;

/// <summary>/search and its exports on the real data/.</summary>
public class SearchPageTests(SiteFixture site)
{
    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll(".search-hit .permalink a")
            .Select(a => a.GetAttribute("href")!.Replace("/s/", "", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData("fight", new[] { "csis16-03" })]                       // stemming: "fight" finds "fighting"
    [InlineData("\"killing other Muslims\"", new[] { "csis16-08" })]   // phrase as written (plus its context mention)
    [InlineData("toilets", new[] { "csis16-13" })]
    [InlineData("SLAUGHTER", new[] { "csis16-16" })]                   // case does not matter
    [InlineData("slaughtér", new[] { "csis16-16" })]                   // nor do accents
    [InlineData("jihad -slaughter", new[] { "csis16-08", "csis16-18" })]
    [InlineData("toilets OR slaughter", new[] { "csis16-13", "csis16-16" })]
    [InlineData("Saddam", new[] { "csis16-14" })]                      // speaker names are searched
    public async Task FindsWhatItShould(string q, string[] mustInclude)
    {
        var (response, document) = await Html.GetAsync(site.Client, $"/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = Ids(document);
        Assert.All(mustInclude, id => Assert.Contains(id, ids));
    }

    [Theory]
    [InlineData("\"I didn’t come for that\"", "csis16-03")]
    [InlineData("\"to help in a humanitarian sense\"", "csis16-04")]
    [InlineData("\"bringing down a whole building\"", "csis16-14")]
    [InlineData("\"ordered to clean toilets\"", "csis16-13")]
    public async Task APhraseFromAKnownQuotationFindsExactlyThatStatement(string q, string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal([id], Ids(document));
        Assert.NotEmpty(document.QuerySelectorAll(".search-hit .statement-text mark"));
    }

    [Fact]
    public async Task AReasonFacetCountEqualsTheReasonPagesCount()
    {
        var (_, search) = await Html.GetAsync(site.Client, "/search");
        foreach (var link in search.QuerySelectorAll("#facet-reason ~ ul li"))
        {
            var slug = link.QuerySelector("a")!.GetAttribute("href")!.Split("reason=")[1];
            var facetCount = link.QuerySelector(".count")!.TextContent;
            var (_, reasonPage) = await Html.GetAsync(site.Client, $"/reasons/{slug}");
            Assert.Equal(reasonPage.QuerySelector(".archive-count .number")!.TextContent, facetCount);
        }
    }

    [Fact]
    public async Task ThousandsOfRandomStringsNeverGiveA5xx()
    {
        // Random input from a fixed seed, biased towards the characters the query language gives meaning to.
        var random = new Random(4242);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz jihad \"\"“”*-:()^~+{}[]\\/'OR NEAR AND NOT "
            + "\t\u0000\u00e9\u0634\u0628\ud83d\ude00";
        var failures = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 40);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var extra = random.Next(4) switch { 0 => "&kind=quotation", 1 => "&reason=infighting&sort=relevance",
                2 => "&page=" + random.Next(-2, 4), _ => "" };
            var response = await site.Client.GetAsync($"/search?q={Uri.EscapeDataString(text)}{extra}",
                TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode}: {text}{extra}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task TheCsvExportRoundTripsEveryField()
    {
        var response = await site.Client.GetAsync("/search.csv", TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var exported = csv.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).ToList();
        var statements = DataFolderTests.ReadCsv("statements.csv");
        Assert.Equal(statements.Count, exported.Count);
        foreach (var row in statements)
        {
            var line = exported.Single(e => (string)e["id"] == row["id"]);
            Assert.Equal(row["text"], line["text"]);
            Assert.Equal(row["kind"], line["kind"]);
            Assert.Equal(row["reasons"], line["reasons"]);
            Assert.Equal(row["footnote"], line["footnote"]);
            Assert.Equal(row["said_when"], line["said_when"]);
            Assert.Equal($"http://localhost/s/{row["id"]}", line["url"]);
            Assert.Equal(row["provenance"] is { Length: > 0 } provenance ? provenance : "not-stated", line["provenance"]);
            Assert.Equal(row["provenance_words"], line["provenance_words"]);
            Assert.Equal(row["translated"], line["translated"]);
            Assert.Equal(row["text"], line["anchor_exact"]);
        }
    }

    [Fact]
    public async Task AQuotedPhraseMatchesOnlyTheWordsAsWritten()
    {
        var (_, stemmed) = await Html.GetAsync(site.Client, "/search?q=kill+Muslims");
        var (_, exact) = await Html.GetAsync(site.Client, "/search?q=%22kill+Muslims%22");
        Assert.NotEmpty(Ids(stemmed));
        Assert.Empty(Ids(exact));
    }

    [Fact]
    public async Task MatchedWordsAreMarked()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search?q=fight");
        var hit = document.QuerySelectorAll(".search-hit")
            .Single(h => h.QuerySelector(".permalink a")!.GetAttribute("href") == "/s/csis16-03");
        Assert.Equal(["fighting"], hit.QuerySelectorAll(".statement-text mark").Select(m => m.TextContent));
        Assert.Equal("Muslims are fighting Muslims; I didn’t come for that", hit.QuerySelector(".statement-text")!.TextContent);
    }

    [Fact]
    public async Task AnEmptyQueryBrowsesEverythingWithFacetCounts()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search");
        Assert.Contains("18 statements", document.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        var kinds = document.QuerySelectorAll("#facet-kind ~ ul li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(kinds, k => k.StartsWith("Quotation", StringComparison.Ordinal) && k.EndsWith("12", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.StartsWith("Paraphrase", StringComparison.Ordinal) && k.EndsWith('6'));
    }

    [Fact]
    public async Task HowTheWordsReachedTheSourceIsAFacetWithItsCounts()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search");
        Assert.Equal("How the words reached the source", document.QuerySelector("#facet-provenance")!.TextContent);
        var counts = document.QuerySelectorAll("#facet-provenance ~ ul li")
            .ToDictionary(li => li.QuerySelector("a")!.TextContent.Trim(), li => li.QuerySelector(".count")!.TextContent.Trim());
        Assert.Equal("4", counts["Told to the source’s author"]);
        Assert.Equal("1", counts["Sent to the source’s author"]);
        Assert.Equal("13", counts["The source does not say"]);
        Assert.False(counts.ContainsKey("Taken from elsewhere"));

        var (_, told) = await Html.GetAsync(site.Client, "/search?provenance=told-to-author");
        Assert.Equal(["csis16-01", "csis16-03", "csis16-17", "csis16-18"], Ids(told).Order());
        var (_, sent) = await Html.GetAsync(site.Client, "/search?provenance=sent-to-author&kind=quotation");
        Assert.Equal(["csis16-02"], Ids(sent));
        var (_, unknown) = await Html.GetAsync(site.Client, "/search?provenance=overheard");
        Assert.Contains("There is no provenance “overheard”", unknown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonExportCarriesEachStatementsAnchorAndProvenance()
    {
        var response = await site.Client.GetAsync("/search.json?provenance=told-to-author", TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["told-to-author"], json.RootElement.GetProperty("filters").GetProperty("provenance").EnumerateArray()
            .Select(v => v.GetString()));
        var first = json.RootElement.GetProperty("statements")[0];
        Assert.Equal("csis16-01", first.GetProperty("id").GetString());
        Assert.Equal("told-to-author", first.GetProperty("provenance").GetString());
        Assert.Equal(1, first.GetProperty("text_version").GetInt32());
        Assert.True(first.GetProperty("anchor_start").GetInt32() > 0);
        Assert.Equal(first.GetProperty("text").GetString(), first.GetProperty("anchor_exact").GetString());
        Assert.Equal("Fighting injustice", first.GetProperty("text_section").GetString());
        Assert.Equal(1, first.GetProperty("text_paragraph_in_section").GetInt32());
    }

    [Fact]
    public async Task FacetsCombineWithTheQueryAndWithEachOther()
    {
        var statements = DataFolderTests.ReadCsv("statements.csv");
        var speakers = DataFolderTests.ReadCsv("speakers.csv").ToDictionary(s => s["key"]);
        var expected = statements
            .Where(s => s["reasons"].Split(';').Contains("racism-and-discrimination") && s["kind"] == "paraphrase")
            .Select(s => s["id"]).ToList();
        var (_, document) = await Html.GetAsync(site.Client, "/search?reason=racism-and-discrimination&kind=paraphrase");
        Assert.Equal(expected.Order(), Ids(document).Order());

        var syrian = statements.Where(s => speakers[s["speaker"]]["nationality"] == "Syrian").Select(s => s["id"]).ToList();
        var (_, bySyrian) = await Html.GetAsync(site.Client, "/search?nationality=Syrian");
        Assert.Equal(syrian.Order(), Ids(bySyrian).Order());

        var (_, both) = await Html.GetAsync(site.Client, "/search?q=Syrians&nationality=Syrian&theme=islamic-unity");
        Assert.Equal(["csis16-10"], Ids(both));
    }

    [Fact]
    public async Task SelectedFacetsCanBeRemovedAndTheStateStaysInTheUrl()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search?q=jihad&kind=quotation&sort=source");
        var remove = document.QuerySelector(".facet li.selected a")!.GetAttribute("href");
        Assert.Equal("/search?q=jihad&sort=source", remove);
        var add = document.QuerySelectorAll("#facet-reason ~ ul a")[0].GetAttribute("href")!;
        Assert.StartsWith("/search?q=jihad&reason=", add, StringComparison.Ordinal);
        Assert.Contains("&kind=quotation&sort=source", add, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortByOrderInSourceFollowsTheSource()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search?q=Muslims&sort=source");
        var ids = Ids(document);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("NEAR(")]
    [InlineData("column:")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("😀")]
    [InlineData("جهاد")]
    [InlineData("%00%01%02")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE Statements; --")]
    [InlineData("<script>alert(1)</script>")]
    public async Task AnyInputGivesAPageNeverA500(string q)
    {
        var (response, document) = await Html.GetAsync(site.Client, "/search?q=" + (q.StartsWith('%') ? q : Uri.EscapeDataString(q)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("#results-heading"));
        Assert.Empty(document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task TenThousandCharactersGiveAPageWithANote()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/search?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only the first 500 were used", document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?reason=%3Cb%3Enope%3C%2Fb%3E", "There is no reason “<b>nope</b>”")]
    [InlineData("/search?sort=random", "“random” is not a sort order")]
    [InlineData("/search?source=nowhere", "There is no source “nowhere”")]
    public async Task UnknownParametersAreExplainedAndEncoded(string url, string note)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(note, document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".notice b"));
    }

    [Theory]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("7", HttpStatusCode.NotFound)]
    public async Task ABadPageIsExplained(string page, HttpStatusCode status)
    {
        var (response, document) = await Html.GetAsync(site.Client, $"/search?q=Muslims&page={page}");
        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(document.QuerySelector(".results .notice"));
    }

    [Fact]
    public async Task TheHeaderHasASearchBoxOnEveryPage()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/about");
        var form = document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(document.QuerySelector("label[for=site-search-q]"));
    }

    [Fact]
    public async Task TheCsvExportHasTheSameResultsAsThePage()
    {
        var response = await site.Client.GetAsync("/search.csv?q=jihad&kind=quotation", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("id,url,kind,language,text,", text, StringComparison.Ordinal);
        // Cells may hold line breaks (the words around an anchor), so the file is read as CSV, not split into lines.
        using var csv = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).ToList();

        var (_, page) = await Html.GetAsync(site.Client, "/search?q=jihad&kind=quotation&sort=source");
        Assert.Equal(Ids(page), rows.Select(r => (string)r["id"]));
        Assert.Contains(rows,
            r => ((string)r["text"]).Contains("It's not a revolution or jihad, it’s slaughter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheJsonExportListsEveryResultWithItsFields()
    {
        var response = await site.Client.GetAsync("/search.json?q=jihad", TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("jihad", root.GetProperty("query").GetString());
        var statements = root.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("total").GetInt32(), statements.Count);
        var slaughter = statements.Single(s => s.GetProperty("id").GetString() == "csis16-16");
        Assert.Equal("It's not a revolution or jihad, it’s slaughter", slaughter.GetProperty("text").GetString());
        Assert.Equal(["brutality-and-indiscriminate-killing", "not-true-jihad"],
            slaughter.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("http://localhost/s/csis16-16", slaughter.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ThePageLinksToItsExports()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search?q=jihad&reason=infighting");
        Assert.Equal("/search.csv?q=jihad&reason=infighting",
            document.QuerySelector("link[rel=alternate][type='text/csv']")?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector(".result-tools a[href='/search.json?q=jihad&reason=infighting']"));
    }
}
