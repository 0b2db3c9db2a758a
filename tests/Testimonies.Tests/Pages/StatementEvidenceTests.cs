using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>The statement page's "Where the words stand", and speakers shown in the source's words and the archive's label.</summary>
public class StatementEvidenceTests(SiteFixture site)
{
    [Theory]
    [InlineData("csis16-01", "Fighting injustice, para. 1, before footnote marker 95")]
    [InlineData("csis16-09", "Islamic unity, para. 3")]
    [InlineData("csis16-18", "para. 16, before footnote marker 112")]
    public async Task ACheckedStatementSaysWhereItStandsAndLinksToItInContext(string id, string locator)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        var evidence = document.QuerySelector(".statement .evidence")!;

        Assert.Equal("Where the words stand", evidence.QuerySelector("h2")!.TextContent);
        Assert.Equal("Checked against the source’s stored text (version 1).", evidence.QuerySelector(".checked")!.TextContent);
        Assert.Equal(locator, evidence.QuerySelector(".locator-text")!.TextContent);
        var link = evidence.QuerySelector("a.read-in-context")!;
        Assert.Equal("Read in context", link.TextContent);
        Assert.Equal($"/sources/csis-2016-ch9/text#s-{id}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task TheLocatorIsTheOneTheReaderShows()
    {
        var (_, reader) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9/text");
        foreach (var row in DataFolderTests.ReadCsv("statements.csv"))
        {
            var (_, document) = await Html.GetAsync(site.Client, $"/s/{row["id"]}");
            var shown = reader.GetElementById($"s-{row["id"]}")!.Closest(".para")!.QuerySelector(".locator")!.TextContent;
            Assert.StartsWith(shown, document.QuerySelector(".evidence .locator-text")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProvenanceIsTheArchivesLabelWithTheSourcesOwnWordsQuoted()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-03");
        var provenance = document.QuerySelector(".evidence .provenance")!;
        var words = DataFolderTests.ReadCsv("statements.csv").Single(r => r["id"] == "csis16-03")["provenance_words"];
        Assert.Equal($"Told to the source’s author. The source says: “{words}”", provenance.TextContent.Trim());
        Assert.Equal(words, provenance.QuerySelector(".source-wording")!.TextContent);
    }

    [Fact]
    public async Task WhatTheSourceDoesNotSayIsSaidToBeNotStated()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-04");
        var evidence = document.QuerySelector(".evidence")!;
        Assert.Equal("The source does not say", evidence.QuerySelector(".provenance")!.TextContent.Trim());
        Assert.Null(evidence.QuerySelector(".provenance .source-wording"));
        Assert.Equal("not stated by the source", evidence.QuerySelector(".spoken-language")!.TextContent);
        Assert.Equal("not stated by the source", evidence.QuerySelector(".translated")!.TextContent);
        var terms = evidence.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(["How the words reached the source", "Spoken in", "Translated"], terms);
    }

    [Fact]
    public async Task TwoSpeakersTheSourceCallsOneDefectorDifferByTheArchivesLabel()
    {
        var (_, first) = await Html.GetAsync(site.Client, "/speakers/defector-rebel-factions");
        var (_, second) = await Html.GetAsync(site.Client, "/speakers/defector-warning-mujahideen");

        Assert.NotEqual(first.QuerySelector("h1")!.TextContent, second.QuerySelector("h1")!.TextContent);
        Assert.Equal("a defector who spoke of his colleagues’ targets", first.QuerySelector("h1")!.TextContent);
        foreach (var page in new[] { first, second })
        {
            Assert.Equal("“one defector”", page.QuerySelector(".facts .source-description")!.TextContent);
            var terms = page.QuerySelectorAll(".facts dt").Select(dt => dt.TextContent).ToList();
            Assert.Contains("Archive’s label", terms);
            Assert.DoesNotContain(terms, t => t.Contains("describes", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ASpeakerWithoutLabelIsShownInTheSourcesWordsOnly()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/speakers/british-fighter-london");
        Assert.Equal("“a disillusioned British fighter from London”", document.QuerySelector(".facts .source-description")!.TextContent);
        Assert.Null(document.QuerySelector(".facts .archive-label"));
    }

    [Fact]
    public async Task TheStatementsSpeakerLineQuotesTheSourceAndNamesTheArchivesLabel()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-06");
        var line = document.QuerySelector(".facts .speaker-line")!;
        Assert.Equal("a defector who spoke of his colleagues’ targets", line.QuerySelector("a")!.TextContent);
        Assert.Equal("one defector", line.QuerySelector(".source-wording")!.TextContent);
        Assert.Contains("the source’s words: “one defector”", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("Archive’s label: a defector who spoke of his colleagues’ targets", line.QuerySelector(".archive-label")!.TextContent);

        var (_, named) = await Html.GetAsync(site.Client, "/s/csis16-04");
        var namedLine = named.QuerySelector(".facts .speaker-line")!;
        Assert.Equal("Abu Ibrahim", namedLine.QuerySelector("a")!.TextContent);
        Assert.Equal("an Australian defector called Abu Ibrahim", namedLine.QuerySelector(".source-wording")!.TextContent);
        Assert.Null(namedLine.QuerySelector(".archive-label"));
    }

    [Fact]
    public async Task TheSpeakerListTellsLabelledSpeakersApart()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/speakers");
        var names = document.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        // Listed as an index lists them, with a capital; the stored words keep the source's case.
        Assert.Contains("A defector who warned others against travelling to Syria", names);
    }

    // Regression: cards and the statement's heading showed only the source's words, so two speakers the source calls only
    // "one defector" looked like one.
    [Fact]
    public async Task TwoSpeakersTheSourceDescribesAlikeAreToldApartOnCardsAndHeadings()
    {
        var (_, source) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9");
        var cardText = source.Body!.TextContent;
        Assert.Contains("A defector who spoke of his colleagues’ targets", cardText, StringComparison.Ordinal);
        Assert.Contains("A defector who warned others against travelling to Syria", cardText, StringComparison.Ordinal);
        // The label is the archive's words, and the card says so.
        var card = source.GetElementById("card-csis16-06")!.TextContent;
        Assert.Contains("(the archive’s label)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("(the archive’s label)", source.GetElementById("card-csis16-03")!.TextContent, StringComparison.Ordinal);
        var (_, six) = await Html.GetAsync(site.Client, "/s/csis16-06");
        var (_, seven) = await Html.GetAsync(site.Client, "/s/csis16-07");
        Assert.NotEqual(six.QuerySelector("h1")!.TextContent, seven.QuerySelector("h1")!.TextContent);
    }
}
