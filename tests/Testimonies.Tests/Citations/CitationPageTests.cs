using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>"Cite this statement" and "Cite this source" as a reader without JavaScript sees them.</summary>
public class CitationPageTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task EveryStatementPageCitesItInThreeStylesWithTheTextVisible(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        var cite = document.QuerySelector("section.cite")!;
        Assert.Equal("Cite this statement", cite.QuerySelector("h2")!.TextContent);
        // One style at a time: each is a <details> whose summary names it.
        Assert.Equal(["APA 7", "MLA 9", "Chicago 17 (notes and bibliography)"],
            cite.QuerySelectorAll(".citation-style > summary").Select(h => h.TextContent));
        var citations = cite.QuerySelectorAll("p.citation");
        Assert.Equal(10, citations.Length); // APA 3, MLA 3, Chicago 4 (its shortened note too)
        foreach (var citation in citations)
        {
            // Without JavaScript the text is there to select; the button (hidden until site.js runs) copies exactly that text.
            var button = (AngleSharp.Html.Dom.IHtmlButtonElement)citation.NextElementSibling!;
            Assert.True(button.IsHidden);
            Assert.Equal(citation.TextContent, button.GetAttribute("data-copy"));
            Assert.Equal(citation.InnerHtml, button.GetAttribute("data-copy-html"));
            Assert.StartsWith("Copy the ", button.GetAttribute("aria-label"), StringComparison.Ordinal);
        }
        Assert.Contains(citations,
            c => c.TextContent.EndsWith($"Retrieved November 25, 2026, from http://localhost/s/{id}", StringComparison.Ordinal));
        Assert.Equal([$"/s/{id}/cite.bib", $"/s/{id}/cite.ris", $"/s/{id}/cite.json"],
            cite.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task TheNamedSpeakersPageGivesTheHandWrittenApaCitation()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-04");
        var texts = document.QuerySelectorAll("section.cite p.citation").Select(c => c.InnerHtml).ToList();
        Assert.Contains("(Abu Ibrahim, as cited in Canadian Security Intelligence Service, 2016, Chapter 9, Fighting Injustice section, "
            + "para. 5)", texts);
        Assert.Contains("Canadian Security Intelligence Service. (2016). <i>The foreign fighters phenomenon and related security trends "
            + "in the Middle East: Highlights from the workshop</i> (World Watch: Expert Notes, Publication No. 2016-01-01).", texts);
        Assert.Contains("1. Abu Ibrahim, quoted in Canadian Security Intelligence Service, <i>The Foreign Fighters Phenomenon and Related "
            + "Security Trends in the Middle East: Highlights from the Workshop</i>, World Watch: Expert Notes 2016-01-01 (n.p.: "
            + "Canadian Security Intelligence Service, 2016), chap. 9, under “Fighting Injustice.”", texts);
    }

    [Fact]
    public async Task AParaphrasePageSaysToCiteThePublication()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-13");
        var cite = document.QuerySelector("section.cite")!;
        Assert.Contains("not the speaker’s words: cite the publication", cite.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("as cited in", cite.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("qtd. in", cite.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("quoted in", cite.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSourcePageCitesTheChapterAndTheWholeReport()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9");
        var cite = document.QuerySelector("section.cite")!;
        var texts = cite.QuerySelectorAll("p.citation").Select(c => c.TextContent).ToList();
        Assert.Equal(5, texts.Count); // APA gives the report alone: the chapter has no author of its own (docs/citations.md)
        Assert.Contains("Canadian Security Intelligence Service. “Why Do People Leave ISIL?” Chap. 9 in The Foreign Fighters Phenomenon "
            + "and Related Security Trends in the Middle East: Highlights from the Workshop. World Watch: Expert Notes 2016-01-01. "
            + "N.p.: Canadian Security Intelligence Service, 2016.", texts);
        Assert.DoesNotContain(texts, t => t.Contains(" In The foreign fighters", StringComparison.Ordinal));
        Assert.Contains("The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the Workshop. "
            + "Canadian Security Intelligence Service, Jan. 2016. World Watch: Expert Notes, no. 2016-01-01.", texts);
        Assert.Equal(["/sources/csis-2016-ch9/cite.bib", "/sources/csis-2016-ch9/cite.ris", "/sources/csis-2016-ch9/cite.json"],
            cite.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task SearchResultsOfferCitationFilesWithTheSameQuery()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/search?q=muslims&reason=infighting");
        var links = document.QuerySelectorAll(".result-tools a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search.bib?q=muslims&reason=infighting", links);
        Assert.Contains("/search.ris?q=muslims&reason=infighting", links);
        Assert.Contains("/search.csl.json?q=muslims&reason=infighting", links);
    }
}
