using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Statistics;

/// <summary>The statistics page and the discovery files, checked against counts made here from data/ itself.</summary>
public class StatisticsTests(SiteFixture site)
{
    /// <summary>
    /// Statement ids by reason slug, from data/statements.csv (published statements only), computed without the site's code.
    /// </summary>
    private static Dictionary<string, List<Dictionary<string, string>>> StatementsByReason()
    {
        var statements = DataFolderTests.ReadCsv("statements.csv").Where(s => s["status"] is "" or "published").ToList();
        return DataFolderTests.ReadCsv("reasons.csv").ToDictionary(r => r["slug"],
            r => statements
                .Where(s => s["reasons"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Contains(r["slug"]))
                .ToList());
    }

    [Fact]
    public async Task CountsByReasonEqualCountsMadeFromTheDataFiles()
    {
        var expected = StatementsByReason();
        var (_, document) = await Html.GetAsync(site.Client, "/statistics");
        var rows = document.QuerySelector("#by-reason-heading")!.ParentElement!.QuerySelectorAll("table.stats tbody tr");
        Assert.Equal(expected.Count, rows.Length);
        foreach (var row in rows)
        {
            var slug = row.QuerySelector("th a")!.GetAttribute("href")!["/reasons/".Length..];
            var cells = row.QuerySelectorAll("td.number")
                .Select(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(expected[slug].Count, cells[0]);
            Assert.Equal(expected[slug].Select(s => s["speaker"]).Distinct().Count(), cells[1]);
        }
    }

    [Fact]
    public async Task TheCountsSayWhichCodebookVersionsTheirCodingsApplied()
    {
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync("/statistics.json", TestContext.Current.CancellationToken));
        var under = Assert.Single(json.RootElement.GetProperty("coded_under").EnumerateArray());
        var published = DataFolderTests.ReadCsv("statements.csv").Count(s => s["status"] is "" or "published");
        Assert.Equal((1, published), (under.GetProperty("codebook_version").GetInt32(), under.GetProperty("statements").GetInt32()));
        var (_, page) = await Html.GetAsync(site.Client, "/statistics");
        Assert.Contains($"the codings behind the counts applied version 1 ({published} statements)",
            page.QuerySelector("#codebook-version")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNationalityTableCountsRacismByNationality()
    {
        var speakers = DataFolderTests.ReadCsv("speakers.csv")
            .ToDictionary(s => s["key"], s => s["nationality"] is "" ? "Not stated" : s["nationality"]);
        var racism = StatementsByReason()["racism-and-discrimination"].GroupBy(s => speakers[s["speaker"]])
            .ToDictionary(g => g.Key, g => g.Count());
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync("/statistics.json", TestContext.Current.CancellationToken));
        var reason = json.RootElement.GetProperty("archive_counts").GetProperty("reasons").EnumerateArray()
            .Single(r => r.GetProperty("slug").GetString() == "racism-and-discrimination");
        var byNationality = reason.GetProperty("by_nationality").EnumerateObject().Where(p => p.Value.GetInt32() > 0)
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(racism, byNationality);
        Assert.NotEmpty(racism);
    }

    [Fact]
    public async Task ChartsAreImagesWithANameADescriptionAndATableBeside()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/statistics");
        var charts = document.QuerySelectorAll("svg.bar-chart");
        Assert.Equal(2, charts.Length);
        foreach (var chart in charts)
        {
            Assert.Equal("img", chart.GetAttribute("role"));
            var ids = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.False(string.IsNullOrWhiteSpace(document.GetElementById(ids[0])!.TextContent));
            Assert.Equal("title", document.GetElementById(ids[0])!.LocalName);
            Assert.Equal("desc", document.GetElementById(ids[1])!.LocalName);
            Assert.NotNull(chart.ParentElement!.QuerySelector("table"));
        }
    }

    [Fact]
    public async Task PublishedFindingsStandApartAndSaySoInTheDataToo()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/statistics");
        var findings = document.QuerySelector("#findings-heading")!.ParentElement!;
        Assert.Contains("not counts of this archive", findings.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, findings.QuerySelectorAll("tbody tr").Length);
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync("/statistics.json", TestContext.Current.CancellationToken));
        Assert.Equal(3, json.RootElement.GetProperty("published_findings").GetArrayLength());
        Assert.Equal(18, json.RootElement.GetProperty("archive_counts").GetProperty("statements").GetInt32());
    }

    [Theory]
    [InlineData("99", "at least 35 per cent",
        "a database collected by the International Centre for the Study of Radicalisation (ICSR), at King’s College London, of 60 public "
        + "defector narratives (60 cases)")]
    [InlineData("107", "8.5 per cent", "all those who left the group")]
    [InlineData("109", "just over 21 per cent", "the dataset on defectors")]
    public async Task AFindingsPercentageCarriesTheSourcesQualifierAndItsSizeOnlyWhereStated(string footnote, string share,
        string dataset)
    {
        var (_, document) = await Html.GetAsync(site.Client, "/statistics");
        var row = document.QuerySelectorAll("#findings-heading ~ .table-scroll table tbody tr")
            .Single(tr => tr.TextContent.Contains($"fn. {footnote}", StringComparison.Ordinal));
        Assert.Equal(share, row.QuerySelector(".finding-share")!.TextContent.Trim());
        Assert.Equal(dataset, row.QuerySelector(".finding-dataset")!.TextContent.Trim());

        using var json = System.Text.Json.JsonDocument.Parse(await site.Client.GetStringAsync("/statistics.json",
            TestContext.Current.CancellationToken));
        var finding = json.RootElement.GetProperty("published_findings").EnumerateArray()
            .Single(f => f.GetProperty("footnote").GetString() == footnote);
        Assert.Equal(share, finding.GetProperty("percent_label").GetString());
    }

    [Fact]
    public async Task TheStatisticsDownloadAsCsv()
    {
        var response = await site.Client.GetAsync("/statistics.csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure,reason,theme,nationality,source,count", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.TrimEnd('\r') == "statements,,,,,18");
    }

    [Fact]
    public async Task TheSitemapIsWellFormedAndListsEveryStatement()
    {
        var xml = XDocument.Parse(await site.Client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = xml.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        foreach (var id in DataFolderTests.StatementIds().Select(r => r.Data)) Assert.Contains($"http://localhost/s/{id}", locations);
        Assert.Contains("http://localhost/statistics", locations);
        Assert.Contains("http://localhost/codebook", locations);
    }

    [Fact]
    public async Task TheAtomFeedIsWellFormedWithAnEntryForEachStatement()
    {
        var response = await site.Client.GetAsync("/feed.atom", TestContext.Current.CancellationToken);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(18, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("http://localhost/s/", e.Element(atom + "id")!.Value, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture,
                out _));
        });
        Assert.NotNull(feed.Root.Element(atom + "author"));
    }

    [Fact]
    public async Task RobotsKeepCrawlersOutOfTheAdminAreaAndPointToTheSitemap()
    {
        var robots = await site.Client.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatisticsPageLinksItsDataInTheHead()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["/statistics.json", "/statistics.csv"],
            document.QuerySelectorAll("link[rel=alternate]:not([type='application/atom+xml'])").Select(l => l.GetAttribute("href")));
        Assert.Equal("/feed.atom", document.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }
}
