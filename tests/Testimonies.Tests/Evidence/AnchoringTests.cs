using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Importing;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Evidence;

/// <summary>
/// Statements anchored in their source's stored text: the curated data all where it stands, and an import that attributes
/// altered, invented or ambiguous words to a source with a text refused with a located message, nothing written.
/// </summary>
public class AnchoringTests : MaintainerSiteTests
{
    private const string Header =
        "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,status\n";

    private static readonly string ChapterText =
        File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"));

    private async Task<T> WithDbAsync<T>(Func<ArchiveDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    [Fact]
    public async Task TheChaptersTextIsStoredExactlyWithItsHash()
    {
        var text = await WithDbAsync(db => db.SourceTexts.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ChapterText, text.Text);
        Assert.Equal(1, text.Version);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt")))), text.Sha256);
        Assert.Null(text.TakenOn); // not recorded, never guessed
    }

    [Fact]
    public async Task EveryCuratedStatementIsAnchoredWhereItsWordsStand()
    {
        var statements = await WithDbAsync(db => db.Statements.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(18, statements.Count);
        var layout = new TextLayout(ChapterText, "Chapter 9 - Why do people leave ISIL?\nFighting injustice\nIslamic unity\n" +
            "Corruption and barbarism", "Report a problem or mistake on this page");
        foreach (var statement in statements)
        {
            Assert.Equal(1, statement.TextVersion);
            var start = SourceAnchor.Utf16Index(ChapterText, statement.AnchorStart!.Value);
            var end = SourceAnchor.Utf16Index(ChapterText, statement.AnchorEnd!.Value);
            Assert.Equal(statement.Text, ChapterText[start..end]);
            Assert.EndsWith(statement.AnchorPrefix!, ChapterText[..start], StringComparison.Ordinal);
            Assert.StartsWith(statement.AnchorSuffix!, ChapterText[end..], StringComparison.Ordinal);
            Assert.Equal(statement.Section, layout.ParagraphAt(start)!.Section.Heading);
        }
        // The closing section of the web text has no heading: the archive names none.
        Assert.Null(statements.Single(s => s.PublicId == "csis16-18").Section);
        Assert.Equal("para. 16", TextLayout.Describe(layout.ParagraphAt(
            SourceAnchor.Utf16Index(ChapterText, statements.Single(s => s.PublicId == "csis16-18").AnchorStart!.Value))!));
        Assert.Equal("Fighting injustice, para. 1", TextLayout.Describe(layout.ParagraphAt(
            SourceAnchor.Utf16Index(ChapterText, statements.Single(s => s.PublicId == "csis16-01").AnchorStart!.Value))!));
    }

    private async Task<(HttpResponseMessage Response, string Problems)> UploadStatementAsync(string row)
    {
        var before = await WithDbAsync(db => db.Statements.CountAsync(TestContext.Current.CancellationToken));
        var response = await AdminSession.UploadAsync(Client, ("statements.csv", Encoding.UTF8.GetBytes(Header + row + "\n")));
        var problems = (await Html.ParseAsync(response)).QuerySelector(".import-problems")?.TextContent ?? "";
        TestContext.Current.TestOutputHelper?.WriteLine(problems);
        Assert.Equal(before, await WithDbAsync(db => db.Statements.CountAsync(TestContext.Current.CancellationToken)));
        return (response, problems);
    }

    [Fact]
    public async Task InventedWordsAttributedToTheChapterAreRefusedWithTheClosestPassage()
    {
        var (response, problems) = await UploadStatementAsync(
            "test-invented,csis-2016-ch9,101,,,indian-fighter,quotation,en,Muslims are fighting Muslims; I did come for that,,,,,"
            + "published");
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("line 2", problems, StringComparison.Ordinal);
        Assert.Contains("these words are not in the text of csis-2016-ch9 (version 1)", problems, StringComparison.Ordinal);
        Assert.Contains("Fighting injustice, para. 4", problems, StringComparison.Ordinal);
        Assert.Contains("“Muslims are fighting Muslims; I didn’t come for that”", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyInventedStatementsGetTheFirst200ProblemsListedAndTheRestCounted()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 1000).Select(i =>
            $"test-many-{i},csis-2016-ch9,{200 + i},,,indian-fighter,quotation,en,Synthetic invented words number {i},,,,,published"));
        var (_, problems) = await UploadStatementAsync(rows);
        Assert.Contains("line 2, “text”: these words are not in the text of csis-2016-ch9 (version 1). No passage of the text comes",
            problems, StringComparison.Ordinal);
        var response = await AdminSession.UploadAsync(Client,
            ("statements.csv", Encoding.UTF8.GetBytes(Header + rows + "\n")));
        var page = await Html.ParseAsync(response);
        Assert.Equal(200, page.QuerySelectorAll(".import-problems li").Length);
        Assert.Contains("800", page.QuerySelector(".more-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordsThatOccurTwiceAskForAPositionOrAPrefix()
    {
        const string Twice = "As is common to all such projects of idealised perfection, the chasm between expectation and reality " +
            "proves corrosive over time.";
        var (_, problems) = await UploadStatementAsync(
            $"test-twice,csis-2016-ch9,101,,,indian-fighter,paraphrase,en,\"{Twice}\",,,,,published");
        Assert.Contains("occur 2 times", problems, StringComparison.Ordinal);
        Assert.Contains("text_start", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFootnoteThatDoesNotFollowTheWordsIsRefused()
    {
        var (_, problems) = await UploadStatementAsync(
            "test-footnote,csis-2016-ch9,101,,107,british-fighter-london,quotation,en,"
            + "\"Muslims are fighting Muslims; I didn’t come for that\",,,,,published");
        Assert.Contains("no footnote marker 107 follows the words", problems, StringComparison.Ordinal);
        Assert.Contains("98", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASectionTheWordsDoNotStandUnderIsRefused()
    {
        var (_, problems) = await UploadStatementAsync(
            "test-section,csis-2016-ch9,101,Fighting injustice,,indian-fighter,paraphrase,en,Others complain about the apparent racism " +
            "of Arab ISIL fighters towards non-Arabs.,,,,,published");
        Assert.Contains("the words stand under “Islamic unity” in the text (Islamic unity, para. 3), not under “Fighting injustice”",
            problems, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClosestPassageNamesItsParagraph()
    {
        var layout = new TextLayout(ChapterText, "Fighting injustice\nIslamic unity\nCorruption and barbarism", null);
        var message = TextAnchoring.Closest(layout, "They think nothing of bringing down a building with children inside");
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        Assert.Contains("Corruption and barbarism, para. 2", message, StringComparison.Ordinal);
        Assert.Contains("They think nothing of bringing down a whole building with women and children inside", message,
            StringComparison.Ordinal);
        Assert.Equal("No passage of the text comes close.", TextAnchoring.Closest(layout, "Zebras quietly graze at dawn"));
    }

    [Fact]
    public void CodePointsCountAPairOfSurrogatesOnce()
    {
        const string Text = "a😀b“c”";
        var anchor = SourceAnchor.At(Text, Text.IndexOf('b', StringComparison.Ordinal), 1);
        Assert.Equal((2, 3), (anchor.Start, anchor.End));
        Assert.Equal("a😀", anchor.Prefix);
        Assert.Equal(Text.IndexOf('b', StringComparison.Ordinal), SourceAnchor.Utf16Index(Text, 2));
    }

    [Fact]
    public void TheDataFolderNamesTheChaptersTextInItsSourcesRow()
    {
        var source = DataFolderTests.ReadCsv("sources.csv").Single();
        Assert.Equal("sources/csis-2016-ch9.txt", source["text_file"]);
    }
}
