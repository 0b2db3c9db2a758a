using System.Net;
using AngleSharp.Dom;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>The public pages' markup of issue #16's design: header, footer, cite panel, cards, home, source and search.</summary>
public class DesignPageTests(SiteFixture site)
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/s/csis16-03")]
    [InlineData("/search?q=jihad")]
    [InlineData("/about")]
    [InlineData("/no-such-page")]
    public async Task EveryPageLinksTheDatasetTheApiAndTheFeedAndNamesTheLicence(string url)
    {
        var (_, page) = await Html.GetAsync(site.Client, url);
        var footer = page.QuerySelector("footer.site-footer")!;
        Assert.NotNull(footer.QuerySelector("a[href='/dataset.zip']"));
        Assert.NotNull(footer.QuerySelector("a[href='/api']"));
        Assert.NotNull(footer.QuerySelector("a[href='/feed.atom']"));
        Assert.NotNull(page.QuerySelector("header nav a[href='/dataset.zip']"));
        // The short name is read from the configured licence's text, not written in the layout.
        Assert.Contains("CC BY 4.0", footer.QuerySelector(".footer-licence")!.TextContent, StringComparison.Ordinal);
        // No contact address is configured: the footer says how to report, and invents no address.
        var contact = footer.QuerySelector(".footer-contact")!;
        Assert.NotNull(contact.QuerySelector("a[href='/about#corrections']"));
        Assert.Empty(footer.QuerySelectorAll("a[href^='mailto:']"));
    }

    [Fact]
    public async Task AConfiguredContactAddressAndLicenceAreTheFootersOwn()
    {
        using var factory = new ConfiguredFactory(site.Store, new Dictionary<string, string>
        {
            ["Archive:ContactAddress"] = "corrections@example.org",
            ["Archive:DatasetLicence"] = "The archive's coding is offered under the Open Data Commons Attribution Licence (ODC-By 1.0).",
        });
        var (_, page) = await Html.GetAsync(factory.CreateClient(), "/statements");
        var footer = page.QuerySelector("footer.site-footer")!;
        Assert.NotNull(footer.QuerySelector("a[href='mailto:corrections@example.org']"));
        Assert.Contains("ODC-By 1.0", footer.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("CC BY", footer.TextContent, StringComparison.Ordinal);
        var (_, api) = await Html.GetAsync(factory.CreateClient(), "/api");
        Assert.Contains("(ODC-By 1.0)", api.QuerySelector("#licence + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHeaderHasTheSearchBoxExceptOnTheSearchPage()
    {
        var about = await PageAsync("/about");
        Assert.NotNull(about.QuerySelector("header.site-header form[role='search'] input[name='q']"));
        var search = await PageAsync("/search?q=jihad");
        Assert.Single(search.QuerySelectorAll("form[role='search'] input[name='q']"));
        Assert.Empty(search.QuerySelectorAll("header.site-header form"));
    }

    [Fact]
    public async Task AStatementShowsOneCitationStyleAtATimeWithEveryStyleOneClickAway()
    {
        var page = await PageAsync("/s/csis16-04");
        var styles = page.QuerySelectorAll(".cite .cite-styles > details.citation-style");
        Assert.True(styles.Length >= 3, $"{styles.Length} styles");
        Assert.Single(styles, s => s.HasAttribute("open"));
        Assert.True(styles[0].HasAttribute("open"));
        // One exclusive group: opening a style closes the others, without JavaScript.
        Assert.All(styles, s => Assert.Equal("cite-style", s.GetAttribute("name")));
        Assert.All(styles, s => Assert.False(string.IsNullOrWhiteSpace(s.QuerySelector("summary")?.TextContent)));
    }

    [Fact]
    public async Task TheWordsAndAttributionComeBeforeTheFactsEvidenceAndCoding()
    {
        var page = await PageAsync("/s/csis16-03");
        var main = page.QuerySelector(".statement .statement-main")!;
        Assert.NotNull(main.QuerySelector(".statement-text"));
        Assert.NotNull(main.QuerySelector("figcaption.attribution"));
        Assert.NotNull(main.QuerySelector(".cite"));
        var side = page.QuerySelector(".statement aside.statement-side")!;
        Assert.NotNull(side.QuerySelector(".facts .speaker-line"));
        Assert.NotNull(side.QuerySelector(".evidence"));
        Assert.NotNull(side.QuerySelector(".coding"));
        Assert.True(main.CompareDocumentPosition(side).HasFlag(DocumentPositions.Following));
    }

    [Fact]
    public async Task OnACardTheWordsThemselvesLinkToTheStatement()
    {
        var page = await PageAsync("/statements");
        var cards = page.QuerySelectorAll("article.statement-card");
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var id = card.GetAttribute("aria-labelledby")!["card-".Length..];
            var words = card.QuerySelector(".statement-text")!;
            var link = words.Closest("a") ?? words.QuerySelector("a");
            Assert.NotNull(link);
            Assert.Equal($"/s/{id}", link.GetAttribute("href"));
            Assert.Equal(words.TextContent.Trim('“', '”'), link.TextContent.Trim('“', '”'));
        }
    }

    [Fact]
    public async Task AnAttributionThatStartsASentenceStartsWithACapital()
    {
        // The source's words are "an Indian fighter"; the archive's sentence starts with them.
        var statement = await PageAsync("/s/csis16-13");
        var attributionText = statement.QuerySelector("figcaption.attribution")!.TextContent.Trim();
        Assert.StartsWith("An Indian fighter", attributionText, StringComparison.Ordinal);
        var list = await PageAsync("/sources/csis-2016-ch9");
        foreach (var attribution in list.QuerySelectorAll(".statement-card .attribution"))
            Assert.True(char.IsUpper(attribution.TextContent.Trim()[0]), attribution.TextContent);
        // The stored words themselves are not changed.
        Assert.Contains("an Indian fighter who alleged", statement.QuerySelector(".statement-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReasonNoStatementGivesIsNotALinkOnTheHomePage()
    {
        var page = await PageAsync("/");
        var items = page.QuerySelector("#reasons-heading")!.ParentElement!.QuerySelectorAll("li");
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var count = item.QuerySelector(".count")!.TextContent;
            var leading = item.FirstElementChild;
            var linksTheReason = leading?.LocalName == "a"
                && leading.GetAttribute("href")!.StartsWith("/reasons/", StringComparison.Ordinal);
            Assert.False(linksTheReason && count.StartsWith("0 ", StringComparison.Ordinal), item.TextContent);
            if (!linksTheReason) Assert.Contains("no statement", count, StringComparison.Ordinal);
        }
        Assert.Contains(items, i => i.ClassList.Contains("no-statements"));
    }

    [Fact]
    public async Task ASourcePageListsItsStatementsBeforeItsFindingsAndCitations()
    {
        var page = await PageAsync("/sources/csis-2016-ch9");
        var statements = page.QuerySelector("#statements-heading")!;
        var findings = page.QuerySelector("#findings-heading")!;
        var cite = page.QuerySelector("#cite-heading")!;
        Assert.True(statements.CompareDocumentPosition(findings).HasFlag(DocumentPositions.Following));
        Assert.True(statements.CompareDocumentPosition(cite).HasFlag(DocumentPositions.Following));
        Assert.NotNull(page.QuerySelector("details.findings-fold .finding"));
    }

    [Fact]
    public async Task ASourcePageNamesItsLanguageAndLeavesOutWhatIsNotRecorded()
    {
        var page = await PageAsync("/sources/csis-2016-ch9");
        var facts = page.QuerySelector("dl.facts")!;
        var language = facts.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Language").NextElementSibling!;
        Assert.Equal("English", language.TextContent.Trim());
        // The archive's own lines; a maintainer's note on the source may still say what its edition does not record.
        Assert.DoesNotContain("not recorded", facts.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not recorded", page.QuerySelector(".source-text")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(facts.QuerySelectorAll("dt"), dt => dt.TextContent == "Web address");
    }

    [Theory]
    [InlineData("/reasons")]
    [InlineData("/speakers")]
    public async Task EveryNumberInATableCarriesItsColumnsLabelForPhones(string url)
    {
        var page = await PageAsync(url);
        var cells = page.QuerySelectorAll(".data-table td");
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            var table = cell.Closest("table")!;
            var index = cell.ParentElement!.Children.Index(cell);
            var heading = table.QuerySelectorAll("thead th")[index].TextContent;
            Assert.False(string.IsNullOrWhiteSpace(cell.GetAttribute("data-label")), $"{heading}: {cell.TextContent}");
        }
    }

    [Fact]
    public async Task SearchResultsShowAContextNotesMarkdownAsText()
    {
        // One context note has "*fitna*"; another links the defector's other sentence: [“I want to tell all the mujahideen…”](/s/…).
        var data = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Data, "statements.csv"), TestContext.Current.CancellationToken);
        Assert.Contains("*fitna*", data, StringComparison.Ordinal);
        var page = await PageAsync("/search?q=fitna");
        var match = page.QuerySelector(".context-match")!;
        Assert.Contains("fitna", match.QuerySelector("mark")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("*", match.TextContent, StringComparison.Ordinal);
        var linked = await PageAsync("/search?q=mujahideen");
        foreach (var note in linked.QuerySelectorAll(".context-match"))
            Assert.DoesNotMatch(@"\]\(/s/|\*\w", note.TextContent);
        Assert.NotEmpty(linked.QuerySelectorAll(".context-match"));
    }

    [Fact]
    public async Task StatisticsNameTheSourcesNotTheirKeys()
    {
        var page = await PageAsync("/statistics");
        var links = page.QuerySelectorAll("main a[href^='/sources/']");
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.NotEqual(a.GetAttribute("href")!["/sources/".Length..], a.TextContent.Trim()));
        Assert.Contains(links, a => a.TextContent.Contains("Why do people leave ISIL?", StringComparison.Ordinal));
    }
}
