using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>
/// Citations say where the words stand, read from the statement's anchor in the stored text (docs/citations.md): APA a
/// heading and a counted paragraph, Chicago the chapter and "under" the heading, MLA the chapter only. Never a footnote:
/// the words are in the body text, not in the notes.
/// </summary>
public class LocatorTests(SiteFixture site)
{
    private const string Report = "<i>The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from "
        + "the Workshop</i>, World Watch: Expert Notes 2016-01-01 (n.p.: Canadian Security Intelligence Service, 2016)";

    private async Task<List<string>> CitationsAsync(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        return document.QuerySelectorAll("section.cite p.citation").Select(c => c.InnerHtml).ToList();
    }

    [Fact]
    public async Task AStatementUnderAHeadingIsCitedByHeadingAndParagraph()
    {
        var texts = await CitationsAsync("csis16-01");
        Assert.Contains("British foreign fighters who were members of ISIL (as cited in Canadian Security Intelligence Service, 2016, "
            + "Chapter 9, Fighting Injustice section, para. 1)", texts);
        Assert.Contains("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", texts);
        Assert.Contains("1. British foreign fighters who were members of ISIL, in an interview with the chapter’s author, quoted in "
            + $"Canadian Security Intelligence Service, {Report}, chap. 9, under “Fighting Injustice.”", texts);
        Assert.Contains("2. British foreign fighters who were members of ISIL, quoted in Canadian Security Intelligence Service, "
            + "<i>Foreign Fighters Phenomenon</i>, chap. 9, under “Fighting Injustice.”", texts);
    }

    [Fact]
    public async Task AStatementInASectionWithoutHeadingIsCitedByItsParagraphInTheText()
    {
        var texts = await CitationsAsync("csis16-18");
        Assert.Contains("A British foreign fighter (as cited in Canadian Security Intelligence Service, 2016, Chapter 9, para. 16)", texts);
        Assert.Contains("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", texts);
        Assert.Contains("1. A British foreign fighter, in an interview with the chapter’s author, quoted in Canadian Security "
            + $"Intelligence Service, {Report}, chap. 9.", texts);
    }

    [Fact]
    public async Task AParaphraseIsLocatedTheSameWayWithoutSecondarySourceWords()
    {
        var texts = await CitationsAsync("csis16-13");
        Assert.Contains("(Canadian Security Intelligence Service, 2016, Chapter 9, Islamic Unity section, para. 3)", texts);
        Assert.Contains("(<i>Foreign Fighters Phenomenon</i>, ch. 9)", texts);
        Assert.Contains($"1. Canadian Security Intelligence Service, {Report}, chap. 9, under “Islamic Unity.”", texts);
    }

    [Fact]
    public async Task TheInterviewIsNamedOnlyWhenTheSourcesWordsSaySo()
    {
        // csis16-02 was sent to the author ("contacted the author"): no interview is claimed.
        var texts = await CitationsAsync("csis16-02");
        Assert.DoesNotContain(texts, t => t.Contains("interview", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task NoCitationOfAnyStatementGivesAFootnoteAsLocator(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        var outputs = new List<string> { document.QuerySelector("section.cite")!.TextContent };
        foreach (var format in new[] { "bib", "ris", "json" })
        {
            var response = await site.Client.GetAsync($"/s/{id}/cite.{format}", TestContext.Current.CancellationToken);
            outputs.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        foreach (var text in outputs)
        {
            Assert.DoesNotContain("Footnote", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"\bn\.? ?\d", text);
            Assert.DoesNotMatch(@"\bfn\.", text);
            Assert.DoesNotContain("Ottawa", text, StringComparison.Ordinal);
        }
    }
}
