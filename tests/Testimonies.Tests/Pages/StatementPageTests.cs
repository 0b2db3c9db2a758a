using System.Net;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

public class StatementPageTests(SiteFixture site)
{
    private static Dictionary<string, string> Row(string id) => DataFolderTests.ReadCsv("statements.csv").Single(r => r["id"] == id);

    private static Dictionary<string, string> Speaker(string key) => DataFolderTests.ReadCsv("speakers.csv").Single(r => r["key"] == key);

    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task EveryStatementIsAtItsPermanentUrlWithItsWordsAndSpeaker(string id)
    {
        var row = Row(id);
        var speaker = Speaker(row["speaker"]);
        var (response, document) = await Html.GetAsync(site.Client, $"/s/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var words = document.QuerySelector(".statement .statement-text");
        Assert.NotNull(words);
        Assert.Equal(row["text"], words.TextContent);

        var caption = document.QuerySelector(".statement figcaption")!.TextContent;
        var speakerShown = speaker["name"].Length > 0 ? speaker["name"] : speaker["description"];
        Assert.Contains(speakerShown, caption, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(row["footnote"].Length > 0 ? $"note marker {row["footnote"]}" : "ch. 9", caption, StringComparison.Ordinal);
        Assert.DoesNotContain("fn. ", caption, StringComparison.Ordinal); // "fn." would say the words are in the note

        Assert.Equal($"http://localhost/s/{id}", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var reasonLinks = document.QuerySelectorAll(".facts .reason-tags a").Select(a => a.GetAttribute("href")).ToList();
        var reasons = row["reasons"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(r => $"/reasons/{r}");
        Assert.Equal(reasons.Order(), reasonLinks.Order());
    }

    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task AQuotationLooksLikeOneAndAParaphraseNever(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        var blockquote = document.QuerySelector(".statement blockquote.words");
        if (Row(id)["kind"] == "quotation")
        {
            Assert.NotNull(blockquote);
            Assert.StartsWith("“", blockquote.TextContent.Trim(), StringComparison.Ordinal);
            Assert.EndsWith("”", blockquote.TextContent.Trim(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(blockquote);
            var paraphrase = document.QuerySelector(".statement .paraphrase");
            Assert.NotNull(paraphrase);
            Assert.Contains("Paraphrase", paraphrase.QuerySelector(".kind-label")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("“", paraphrase.QuerySelector(".statement-text")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WordsThatDescribeViolenceCarryTheirContentNoteBeforeThem()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-14");
        var note = document.QuerySelector(".statement .content-note");
        Assert.NotNull(note);
        Assert.Contains("women and children", note.TextContent, StringComparison.Ordinal);
        Assert.True(note.CompareDocumentPosition(document.QuerySelector(".statement blockquote")!)
            .HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task ContextIsRenderedFromMarkdown()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-07");
        var link = document.QuerySelector(".context a");
        Assert.Equal("/s/csis16-08", link?.GetAttribute("href"));
    }

    [Fact]
    public async Task WhenSaidIsShownWhereTheSourceGivesIt()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-08");
        Assert.Contains("early 2014", document.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/s/nope")]
    [InlineData("/s/CSIS16-01-x")]
    [InlineData("/s/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/s/csis16-01/extra")]
    [InlineData("/no-such-page")]
    public async Task AnUnknownAddressGivesAHelpful404(string url)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/statements']"));
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeighboursFollowTheOrderOfTheSource()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-02");
        Assert.Equal("/s/csis16-01", document.QuerySelector(".neighbours a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/s/csis16-03", document.QuerySelector(".neighbours a[rel=next]")?.GetAttribute("href"));
    }
}
