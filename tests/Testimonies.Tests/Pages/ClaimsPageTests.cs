using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>
/// What the home and About pages claim about the archive holds for the data: who the speakers are, what each statement carries,
/// how speakers are counted, and why the first source's excluded passages are left out.
/// </summary>
public class ClaimsPageTests(SiteFixture site)
{
    private async Task<string> TextOfAsync(string url)
    {
        var (_, document) = await Html.GetAsync(site.Client, url);
        return document.Body!.TextContent;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    public async Task NoPageSaysEverySpeakerLeftIsil(string url)
    {
        // The fn. 97 fighters thanked a journalist; the chapter does not say whether the fn. 112 speaker left.
        var text = await TextOfAsync(url);
        Assert.DoesNotContain("people who left ISIL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("turned against it", text, StringComparison.Ordinal);
        Assert.Contains("fighters and defectors, most of them about leaving ISIL or their disillusionment with it", text,
            StringComparison.Ordinal);
        Assert.Contains("Not every speaker is known to have left", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomeTitleDoesNotCallTheChaptersSentencesTheSpeakersOwnWords()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/");
        Assert.DoesNotContain("own words", document.Title, StringComparison.Ordinal);
        Assert.Equal("Why people leave ISIL: statements as published sources report them", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TheHomePageClaimsNoFootnoteOrReasonForEveryStatement()
    {
        // Paraphrases have no footnote; three statements give no reason.
        var (_, document) = await Html.GetAsync(site.Client, "/");
        var lead = document.QuerySelector(".lead")!.TextContent;
        Assert.DoesNotContain("its footnote", lead, StringComparison.Ordinal);
        Assert.Contains("with its source, where it stands in it, and the reasons its words give (if any)", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageCountsPersonsAndGroupsOfSpeakersApart()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/");
        var intro = document.QuerySelector(".intro")!.TextContent;
        Assert.DoesNotContain("14 speakers", intro, StringComparison.Ordinal);
        Assert.Equal("8 speakers", document.QuerySelector(".speaker-persons")!.TextContent);
        Assert.Equal("6 groups of speakers", document.QuerySelector(".speaker-groups")!.TextContent);
        Assert.Contains("may overlap", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboutMakesNoClaimAboutWhatEachSpeakerDid()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/about");
        var ethics = document.QuerySelector("#ethics-heading")!.ParentElement!.TextContent;
        Assert.DoesNotContain("took part in", ethics, StringComparison.Ordinal);
        Assert.Contains("ISIL, the movement these words are about, is responsible for mass atrocities", ethics, StringComparison.Ordinal);
        Assert.Contains("does not know what each speaker did", ethics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboutSaysWhereAStatementStandsInTheStoredText()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/about");
        var what = document.QuerySelector("#what-heading")!.ParentElement!.TextContent;
        Assert.DoesNotContain("(chapter, footnote)", what, StringComparison.Ordinal);
        var where = document.QuerySelector("#where-it-stands")!.TextContent;
        Assert.Contains("section and paragraph of the source’s text", where, StringComparison.Ordinal);
        Assert.Contains("/sources/{key}/text", where, StringComparison.Ordinal);
        Assert.Contains("“not checked”", where, StringComparison.Ordinal);
        Assert.Contains("if any", where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboutGivesEachExcludedPassageItsTrueReason()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/about");
        var items = document.QuerySelectorAll("#left-out li").Select(li => li.TextContent).ToList();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"));
        string Item(string words)
        {
            Assert.Contains(words, text, StringComparison.Ordinal); // quoted as the source prints it
            return Assert.Single(items, i => i.Contains(words, StringComparison.Ordinal));
        }

        var helpAssist = Item("“help” and “assist”");
        Assert.Contains("quoted single words of unnamed fighters’ framing, too short to stand as statements", helpAssist,
            StringComparison.Ordinal);
        var spanish = Item("These early fighters therefore liken ed themselves to those who had participated in the Spanish civil war");
        Assert.Contains("not anything they said, alleged or complained of", spanish, StringComparison.Ordinal);
        Assert.Contains("“therefore” marks it as the author’s inference", spanish, StringComparison.Ordinal);
        var various = Item(
            "Various groups make this claim, each one accusing the other of having secured a more favourable deal for itself");
        Assert.Contains("names no speaker beyond “various groups”", various, StringComparison.Ordinal);
        Assert.Contains("csis16-10, csis16-11, csis16-12", various, StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => i.Contains("author’s own analysis", StringComparison.Ordinal));
    }
}
