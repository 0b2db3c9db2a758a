using System.Text.Json;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>What Google Scholar, Zotero and link previews read from a statement page (docs/citations.md).</summary>
public class MetadataTests(SiteFixture site)
{
    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument document, string name) =>
        document.QuerySelector($"meta[name='{name}'], meta[property='{name}']")?.GetAttribute("content");

    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task EveryStatementPageCarriesWhatScholarAndZoteroRead(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        // A page of the archive that quotes a source: Highwire tags would make Zotero and Scholar record a publisher's work
        // titled with the quotation at the archive's address, which does not exist.
        Assert.Empty(document.QuerySelectorAll("meta[name^='citation_']"));
        Assert.Null(Meta(document, "DC.creator"));
        Assert.StartsWith($"Statement {id}: ", Meta(document, "DC.title"), StringComparison.Ordinal);
        Assert.Equal("Text", Meta(document, "DC.type"));
        Assert.Null(Meta(document, "DC.source")); // it would overwrite the website title in Zotero
        Assert.Equal("website", Meta(document, "og:type"));
        Assert.Equal($"http://localhost/s/{id}", Meta(document, "og:url"));
        Assert.NotNull(Meta(document, "twitter:card"));
        Assert.Empty(document.QuerySelectorAll(".Z3988, span[title^='ctx_ver']")); // no COinS on a single statement
        Assert.False(document.DocumentElement.HasAttribute("prefix")); // Zotero stops reading Open Graph with it
    }

    [Fact]
    public async Task JsonLdNamesTheSpeakerTheWordsAndThePublication()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-04");
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("Quotation", root.GetProperty("@type").GetString());
        Assert.Equal("I wasn't doing what I had initially come for and that's to help in a humanitarian sense the people of Syria",
            root.GetProperty("text").GetString());
        Assert.Equal("Abu Ibrahim", root.GetProperty("creator").GetProperty("name").GetString());
        var basedOn = root.GetProperty("isBasedOn");
        Assert.Equal("Chapter", basedOn.GetProperty("@type").GetString());
        Assert.Equal("Why do people leave ISIL?", basedOn.GetProperty("name").GetString());
        Assert.Equal("Canadian Security Intelligence Service", basedOn.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2016-01", basedOn.GetProperty("datePublished").GetString());
        Assert.Equal("Report", basedOn.GetProperty("isPartOf").GetProperty("@type").GetString());
        Assert.Equal("http://localhost/s/csis16-04", root.GetProperty("url").GetString());
        Assert.Equal("WebSite", root.GetProperty("isPartOf").GetProperty("@type").GetString());
        Assert.Equal("Testimonies", root.GetProperty("isPartOf").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AGroupOfSpeakersIsTheCreatorAsTheSourceDescribesThem()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-01");
        Assert.Empty(document.QuerySelectorAll("meta[name^='citation_']"));
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Quotation", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("British foreign fighters who were members of ISIL",
            json.RootElement.GetProperty("creator").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheSourcePageDescribesTheReportForScholarAndZotero()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9");
        Assert.Equal("The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the workshop",
            Meta(document, "citation_title"));
        Assert.Equal("Canadian Security Intelligence Service", Meta(document, "citation_author"));
        Assert.Equal("2016/01", Meta(document, "citation_publication_date"));
        Assert.Equal("Canadian Security Intelligence Service", Meta(document, "citation_publisher"));
        Assert.Equal("Canadian Security Intelligence Service", Meta(document, "citation_technical_report_institution"));
        Assert.Equal("2016-01-01", Meta(document, "citation_technical_report_number"));
        Assert.Null(Meta(document, "citation_public_url")); // the report's address is not recorded: never guessed
    }

    [Fact]
    public async Task AParaphraseIsNotDescribedAsAQuotation()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-13");
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("CreativeWork", json.RootElement.GetProperty("@type").GetString());
        Assert.False(json.RootElement.TryGetProperty("creator", out _));
        Assert.Empty(document.QuerySelectorAll("meta[name^='citation_']"));
    }
}
