using System.Text.Json;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>The BibTeX, RIS and CSL-JSON downloads, read back with a real parser (citation-js).</summary>
public class CitationDownloadTests(SiteFixture site)
{
    private static readonly string[] Formats = ["bib", "ris", "json"];

    private static string ParserFormat(string extension) => extension switch { "bib" => "bibtex", "ris" => "ris", _ => "csl" };

    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string url)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static JsonElement Item(JsonElement items, string type) =>
        items.EnumerateArray().Single(i => i.GetProperty("type").GetString() == type);

    private static string? Text(JsonElement item, string field) => item.TryGetProperty(field, out var value) ? value.GetString() : null;

    private static int[] DateParts(JsonElement item, string field) =>
        item.GetProperty(field).GetProperty("date-parts")[0].EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.String
                ? int.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : p.GetInt32())
            .ToArray();

    [Theory]
    [InlineData("bib", "application/x-bibtex", "testimonies-csis16-04.bib")]
    [InlineData("ris", "application/x-research-info-systems", "testimonies-csis16-04.ris")]
    [InlineData("json", "application/vnd.citationstyles.csl+json", "testimonies-csis16-04.csl.json")]
    public async Task EachDownloadHasItsContentTypeAndFileName(string format, string contentType, string fileName)
    {
        var (response, _) = await GetAsync($"/s/csis16-04/cite.{format}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    public static TheoryData<string, string> EveryStatementInEveryFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in DataFolderTests.StatementIds().Select(row => row.Data))
            foreach (var format in Formats) data.Add(id, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatementInEveryFormat))]
    public async Task EveryStatementsDownloadParsesIntoThePageAndThePublication(string id, string format)
    {
        Assert.SkipUnless(CitationJs.NodeInstalled, CitationJs.SkipReason);
        var (_, text) = await GetAsync($"/s/{id}/cite.{format}");
        var items = await CitationJs.ParseAsync(text, ParserFormat(format));
        Assert.Equal(2, items.GetArrayLength());

        var page = Item(items, "webpage");
        Assert.StartsWith($"Statement {id}: ", Text(page, "title"), StringComparison.Ordinal);
        Assert.Equal($"http://localhost/s/{id}", Text(page, "URL"));
        // citation-js reads RIS access dates from other tags than Zotero's Y2
        if (format != "ris") Assert.Equal([2026, 11, 25], DateParts(page, "accessed"));

        var report = Item(items, "report");
        Assert.Equal("Canadian Security Intelligence Service",
            report.GetProperty("author")[0] is var author && author.TryGetProperty("literal", out var literal)
            ? literal.GetString() : author.GetProperty("family").GetString());
        Assert.Equal("The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the workshop",
            Text(report, "title"));
        Assert.Equal("Canadian Security Intelligence Service", Text(report, "publisher"));
        Assert.Equal([2016, 1], DateParts(report, "issued"));
        // CSL-JSON escapes the number's hyphens for citeproc-js, which otherwise reads a range (see below)
        Assert.Equal(format == "json" ? @"2016\-01\-01" : "2016-01-01", Text(report, "number"));
    }

    /// <summary>
    /// The report's reference as citeproc-js renders it (citation-js's APA template) from each download: dated, whichever
    /// BibTeX dialect reads the file (classic BibTeX has no date field; the file said only date = {2016-01}: "n.d."), and,
    /// from CSL-JSON, the series number as printed (a bare 2016-01-01 was read as a range: "Nos. 2016-01–01").
    /// </summary>
    [Theory]
    [InlineData("bib", "bibtex")]
    [InlineData("bib", "bibtex-classic")]
    [InlineData("ris", "ris")]
    [InlineData("json", "csl")]
    public async Task CitationJsRendersTheReportWithItsDate(string format, string reader)
    {
        Assert.SkipUnless(CitationJs.NodeInstalled, CitationJs.SkipReason);
        var (_, text) = await GetAsync($"/sources/csis-2016-ch9/cite.{format}");

        var apa = await CitationJs.ApaAsync(text, reader);

        Assert.StartsWith("Canadian Security Intelligence Service. (2016", apa, StringComparison.Ordinal);
        Assert.DoesNotContain("n.d.", apa, StringComparison.Ordinal);
        if (format == "json") Assert.Contains("No. 2016-01-01;", apa, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bib")]
    [InlineData("ris")]
    [InlineData("json")]
    public async Task NonAsciiTextSurvivesTheRoundTrip(string format)
    {
        Assert.SkipUnless(CitationJs.NodeInstalled, CitationJs.SkipReason);
        var (_, text) = await GetAsync($"/s/csis16-03/cite.{format}");
        Assert.Contains("Muslims are fighting Muslims; I didn’t come for that", text, StringComparison.Ordinal);
        var page = Item(await CitationJs.ParseAsync(text, ParserFormat(format)), "webpage");
        Assert.Equal("Muslims are fighting Muslims; I didn’t come for that", Text(page, "abstract"));
    }

    [Fact]
    public async Task TheBibTeXFileUsesOnlineForThePageAndReportForThePublication()
    {
        var (_, text) = await GetAsync("/s/csis16-04/cite.bib");
        Assert.StartsWith("@online{testimonies-csis16-04,", text, StringComparison.Ordinal);
        Assert.Contains("@report{csis-2016-ch9,", text, StringComparison.Ordinal);
        Assert.Contains("urldate = {2026-11-25}", text, StringComparison.Ordinal);
        // one organisation name, never split
        Assert.Contains("author = {{Canadian Security Intelligence Service}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRisFileMarksThePageAsElectronicWithSiteNameAndAccessDate()
    {
        var (_, text) = await GetAsync("/s/csis16-04/cite.ris");
        var records = text.Split("ER  - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, records.Length);
        Assert.StartsWith("TY  - ELEC\n", records[0], StringComparison.Ordinal);
        Assert.Contains("T2  - Testimonies\n", records[0], StringComparison.Ordinal);
        Assert.Contains("Y2  - 2026/11/25\n", records[0], StringComparison.Ordinal);
        Assert.StartsWith("TY  - RPRT\n", records[1], StringComparison.Ordinal);
        Assert.EndsWith("ER  - \n\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bib", "bibtex")]
    [InlineData("ris", "ris")]
    [InlineData("json", "csl")]
    public async Task TheSourcePageOffersThePublicationAlone(string format, string parser)
    {
        var (response, text) = await GetAsync($"/sources/csis-2016-ch9/cite.{format}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"csis-2016-ch9.{(format == "json" ? "csl.json" : format)}",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        if (!CitationJs.NodeInstalled) return;
        var items = await CitationJs.ParseAsync(text, parser);
        Assert.Equal("report", Text(Assert.Single(items.EnumerateArray()), "type"));
    }

    [Theory]
    [InlineData("bib", "bibtex")]
    [InlineData("ris", "ris")]
    [InlineData("csl.json", "csl")]
    public async Task ASearchDownloadsItsResultsWithTheirPublication(string extension, string parser)
    {
        var (response, text) = await GetAsync($"/search.{extension}?q=muslims");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var (_, csv) = await GetAsync("/search.csv?q=muslims");
        // Read as CSV: anchors' prefixes and suffixes hold line breaks.
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var expected = reader.GetRecords<dynamic>().Count();
        Assert.True(expected > 1);
        if (!CitationJs.NodeInstalled) return;
        var items = (await CitationJs.ParseAsync(text, parser)).EnumerateArray().ToList();
        Assert.Equal(expected, items.Count(i => Text(i, "type") == "webpage"));
        Assert.Single(items, i => Text(i, "type") == "report");
    }

    [Theory]
    [InlineData("/s/no-such-statement/cite.bib")]
    [InlineData("/s/csis16-04/cite.docx")]
    [InlineData("/s/csis16-04/cite.")]
    [InlineData("/sources/no-such-source/cite.ris")]
    [InlineData("/sources/csis-2016-ch9/cite.exe")]
    public async Task UnknownStatementsSourcesAndFormatsAnswer404(string url)
    {
        var (response, _) = await GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ASearchWithMarkupInItsQueryNeverReturnsHtml()
    {
        var (response, text) = await GetAsync("/search.bib?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&reason=%3Cb%3E");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
    }
}
