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
        Assert.False(string.IsNullOrWhiteSpace(Meta(document, "citation_title")));
        Assert.Equal("Canadian Security Intelligence Service", Meta(document, "citation_author"));
        Assert.Equal("2016/01", Meta(document, "citation_publication_date"));
        Assert.Equal($"http://localhost/s/{id}", Meta(document, "citation_public_url"));
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
        Assert.Equal("Canadian Security Intelligence Service",
            root.GetProperty("isBasedOn").GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2016-01", root.GetProperty("isBasedOn").GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task AParaphraseIsNotDescribedAsAQuotation()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-13");
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("CreativeWork", json.RootElement.GetProperty("@type").GetString());
        Assert.False(json.RootElement.TryGetProperty("creator", out _));
        Assert.DoesNotContain("“", Meta(document, "citation_title"), StringComparison.Ordinal);
    }
}
