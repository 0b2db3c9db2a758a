using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Pages;

/// <summary>/sources/{key}/text: the stored text with its statements marked where they stand, and its exact .txt.</summary>
public class SourceReaderPageTests(SiteFixture site)
{
    private const string Reader = "/sources/csis-2016-ch9/text";

    private static string TextFile => Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt");

    [Fact]
    public async Task EveryPublishedStatementIsMarkedOnceWithItsKind()
    {
        var (response, document) = await Html.GetAsync(site.Client, Reader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = DataFolderTests.ReadCsv("statements.csv");
        Assert.Equal(18, rows.Count);
        foreach (var row in rows)
        {
            var mark = document.GetElementById($"s-{row["id"]}");
            Assert.NotNull(mark);
            Assert.Equal($"/s/{row["id"]}", mark.GetAttribute("href"));
            Assert.Contains($"hl-{row["kind"]}", mark.ClassList);
        }
        Assert.Equal(12, document.QuerySelectorAll(".reader a.hl-quotation[id]").Length);
        Assert.Equal(6, document.QuerySelectorAll(".reader a.hl-paraphrase[id]").Length);
        Assert.Null(document.QuerySelector(".not-anchored"));
    }

    [Fact]
    public async Task AMarkHoldsTheStatementsExactWordsAndAnAccessibleName()
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        var mark = document.GetElementById("s-csis16-01")!;
        var tag = mark.QuerySelector(".hl-tag")!;
        Assert.Equal("Quotation csis16-01 by British foreign fighters who were members of ISIL:", tag.TextContent.Trim());
        Assert.Equal("the truth is many people left to help the Syrian people, then we got labelled as terrorists",
            mark.TextContent[tag.TextContent.Length..]);
        Assert.StartsWith("Paraphrase csis16-09 by", document.GetElementById("s-csis16-09")!.QuerySelector(".hl-tag")!.TextContent,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csis16-01", "Fighting injustice, para. 1")]
    [InlineData("csis16-17", "para. 16")]
    [InlineData("csis16-18", "para. 16")]
    public async Task EachParagraphCarriesTheLocatorCitationsUse(string id, string locator)
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        var paragraph = document.GetElementById($"s-{id}")!.Closest(".para")!;
        Assert.Equal(locator, paragraph.QuerySelector(".locator")!.TextContent);
        Assert.Equal($"#{paragraph.Id}", paragraph.QuerySelector(".locator a")!.GetAttribute("href"));
        Assert.Matches("^p[0-9]+$", paragraph.Id!);
    }

    [Fact]
    public async Task HeadingsAreHeadingsAndAnUnheadedSectionIsAnnounced()
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        var headings = document.QuerySelectorAll(".reader h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Chapter 9 - Why do people leave ISIL?", "Fighting injustice", "Islamic unity", "Corruption and barbarism"],
            headings);
        var breakText = document.QuerySelector(".reader .section-break")!;
        Assert.NotNull(breakText.QuerySelector("hr"));
        Assert.Equal("Section without a heading", breakText.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("p16", document.GetElementById("s-csis16-18")!.Closest(".para")!.Id);
        Assert.Equal(16, document.QuerySelectorAll(".reader .para").Length);
    }

    [Fact]
    public async Task FootnoteMarkersAreSuperscriptsAndTheWebTextsDebrisIsNotShownAsWords()
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        var reader = document.QuerySelector(".reader")!;
        Assert.DoesNotContain("Footnote 95", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Footnote", reader.TextContent, StringComparison.Ordinal);
        var markers = reader.QuerySelectorAll("sup.fn-marker");
        Assert.Equal(18, markers.Length);
        var first = markers[0];
        Assert.Equal("95", first.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("footnote 95 (the note’s text is not in the archive)", first.QuerySelector(".visually-hidden")!.TextContent);
        // "terroristsFootnote 95 ’’." reads "terrorists⁹⁵’’.": the stray quotes kept as they are, after the marker, without the space.
        var after = first.NextSibling!.TextContent;
        Assert.StartsWith("’’.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebPagesFurnitureIsCollapsedAndNotPartOfTheWork()
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        Assert.DoesNotContain("Report a problem", document.QuerySelector(".reader")!.TextContent, StringComparison.Ordinal);
        var furniture = document.QuerySelector("details.furniture")!;
        Assert.Null(furniture.GetAttribute("open"));
        Assert.Equal("What followed the chapter on the web page (not part of the work)", furniture.QuerySelector("summary")!.TextContent);
        var text = await File.ReadAllTextAsync(TextFile, TestContext.Current.CancellationToken);
        var start = text.IndexOf("Report a problem or mistake on this page", StringComparison.Ordinal);
        Assert.Equal(text[start..], furniture.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public async Task ThePageSaysWhichVersionItShowsAndLinksTheExactText()
    {
        var (_, document) = await Html.GetAsync(site.Client, Reader);
        var bytes = await File.ReadAllBytesAsync(TextFile, TestContext.Current.CancellationToken);
        var record = document.QuerySelector(".text-record")!;
        Assert.Equal("1", record.QuerySelector(".text-version")!.TextContent);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            record.QuerySelector(".sha256")!.TextContent);
        Assert.Equal("Not recorded", record.QuerySelector(".text-taken")!.TextContent);
        Assert.Contains("stored exactly as it was taken", record.TextContent, StringComparison.Ordinal);
        Assert.Equal("/sources/csis-2016-ch9/text.txt", record.QuerySelector("a.text-download")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheTextFileIsTheStoredTextByteForByte()
    {
        var response = await site.Client.GetAsync("/sources/csis-2016-ch9/text.txt", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var expected = await File.ReadAllBytesAsync(TextFile, TestContext.Current.CancellationToken);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/sources/no-such-source/text")]
    [InlineData("/sources/no-such-source/text.txt")]
    public async Task AnUnknownSourceHasNoText(string url)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheSourcePageLinksTheReaderWithTheTextsVersionAndHash()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/sources/csis-2016-ch9");
        var block = document.QuerySelector(".source-text")!;
        Assert.Equal(Reader, block.QuerySelector("a.reader-link")!.GetAttribute("href"));
        Assert.Equal("Read the full text, with the statements highlighted", block.QuerySelector("a.reader-link")!.TextContent);
        Assert.Contains("version 1", block.TextContent, StringComparison.Ordinal);
        Assert.Equal(64, block.QuerySelector(".sha256")!.TextContent.Length);
        Assert.DoesNotContain("; taken", block.TextContent, StringComparison.Ordinal); // the day it was taken is not recorded: not said
    }

    [Fact]
    public async Task ASourceWithoutTextSaysSoAndItsReaderIsNotFound()
    {
        var folder = new TestData().WriteToTempFolder();
        try
        {
            using var factory = site.NewFactory(folder);
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            var (_, source) = await Html.GetAsync(client, "/sources/test-source");
            Assert.Equal("The archive holds no text of this source.", source.QuerySelector(".source-text .no-text")!.TextContent);
            Assert.Null(source.QuerySelector("a.reader-link"));
            foreach (var url in new[] { "/sources/test-source/text", "/sources/test-source/text.txt" })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);

            var (_, statement) = await Html.GetAsync(client, "/s/test-0001");
            Assert.Equal("Not checked against the source’s text: the archive holds no text of this source.",
                statement.QuerySelector(".evidence .not-checked")!.TextContent);
            Assert.Null(statement.QuerySelector(".evidence a.read-in-context"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A synthetic source with a text of two paragraphs, a section break between, and four statements in it.</summary>
    private static async Task<string> SyntheticTextFolderAsync()
    {
        var data = new TestData();
        data.Sources[0] = TestData.SourcesHeader + ",text_file";
        data.Sources[1] += ",sources/synthetic.txt";
        data.Speakers[1] = "test-speaker,,The synthetic speaker,Testland,fighter,no,"; // a description is the text's own words
        data.Statements.RemoveRange(1, data.Statements.Count - 1);
        data.Statements.AddRange(
        [
            "test-0001,test-source,1,,1,test-speaker,quotation,en,Synthetic words number one,,,,,published",
            "test-0002,test-source,2,,2,test-speaker,paraphrase,en,The synthetic speaker reportedly said something.,,,,,published",
            "test-0003,test-source,3,,1,test-speaker,quotation,en,number one and two,,,,,published",
            "test-0004,test-source,4,,1,test-speaker,quotation,en,Synthetic words,,,,,published",
        ]);
        var folder = data.WriteToTempFolder();
        const string paragraph1 = "Synthetic words number one and two.Footnote 1 ’’.";
        const string paragraph2 = "The synthetic speaker reportedly said something.Footnote 2 .";
        Directory.CreateDirectory(Path.Combine(folder, "sources"));
        await File.WriteAllTextAsync(Path.Combine(folder, "sources", "synthetic.txt"), $"{paragraph1}\n\n\n{paragraph2}\n",
            TestContext.Current.CancellationToken);
        return folder;
    }

    [Fact]
    public async Task OverlappingAndContainedSpansAreCutIntoPiecesAndEachStatementIsReached()
    {
        var folder = await SyntheticTextFolderAsync();
        try
        {
            using var factory = site.NewFactory(folder);
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            var (response, document) = await Html.GetAsync(client, "/sources/test-source/text");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var id in new[] { "test-0001", "test-0002", "test-0003", "test-0004" })
                Assert.Single(document.QuerySelectorAll($"#s-{id}"));
            Assert.NotEmpty(document.QuerySelectorAll(".reader a.hl-overlap"));
            Assert.Empty(document.QuerySelectorAll("a a"));
            // The words themselves, less the archive's tags and the marker, are the text's own characters.
            var shown = document.QuerySelectorAll(".reader .para-text").Select(p =>
            {
                foreach (var hidden in p.QuerySelectorAll(".hl-tag, sup").ToList()) hidden.Remove();
                return p.TextContent;
            }).ToList();
            Assert.Equal(["Synthetic words number one and two.’’.", "The synthetic speaker reportedly said something.."], shown);
            Assert.Equal(["para. 1", "para. 2"], document.QuerySelectorAll(".reader .locator").Select(l => l.TextContent));
            Assert.Single(document.QuerySelectorAll(".reader .section-break"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AStatementNotAnchoredInTheShownVersionIsListedNotMarked()
    {
        var folder = await SyntheticTextFolderAsync();
        try
        {
            using var factory = site.NewFactory(folder);
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
                await db.Statements.Where(s => s.PublicId == "test-0002")
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.TextVersion, (int?)null), TestContext.Current.CancellationToken);
            }
            var (_, document) = await Html.GetAsync(client, "/sources/test-source/text");

            Assert.Null(document.GetElementById("s-test-0002"));
            var listed = document.QuerySelector(".not-anchored li")!;
            Assert.Equal("/s/test-0002", listed.QuerySelector("a")!.GetAttribute("href"));
            Assert.EndsWith("not anchored in this version", listed.TextContent, StringComparison.Ordinal);
            Assert.Single(document.QuerySelectorAll(".not-anchored li"));

            var (_, statement) = await Html.GetAsync(client, "/s/test-0002");
            Assert.Equal("Not checked against the source’s text: the archive holds the source’s text, but these words have not been "
                + "checked against it.", statement.QuerySelector(".evidence .not-checked")!.TextContent);
            Assert.Equal("/sources/test-source/text", statement.QuerySelector(".evidence a.read-in-context")!.GetAttribute("href"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
