using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>The statement page says how its reasons were arrived at: by whom (a coder's label), when, under which codebook.</summary>
public class StatementCodingTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(DataFolderTests.StatementIds), MemberType = typeof(DataFolderTests))]
    public async Task EveryFirstSourceStatementSaysItWasCodedByOneCoderUnderVersionOne(string id)
    {
        var (_, document) = await Html.GetAsync(site.Client, $"/s/{id}");
        var coding = document.QuerySelector("section.coding")!;
        Assert.Equal("one-coder", coding.QuerySelector(".coding-state")!.GetAttribute("data-state"));
        Assert.Contains("Coded by one coder", coding.TextContent, StringComparison.Ordinal);
        var coder = Assert.Single(coding.QuerySelectorAll(".coder-codings > li"));
        Assert.Contains("Coder 1", coder.TextContent, StringComparison.Ordinal);
        Assert.Equal("/codebook/v/1", coder.QuerySelector("a[href^='/codebook/v/']")!.GetAttribute("href"));
        var codings = DataFolderTests.ReadCsv("codings.csv").Where(c => c["statement"] == id).ToList();
        Assert.Equal(codings[0]["coded_at"], coder.QuerySelector("time")!.GetAttribute("datetime"));
        var shown = coder.QuerySelectorAll("a[href^='/reasons/']").Select(a => a.GetAttribute("href")!["/reasons/".Length..]);
        Assert.Equal(codings.Select(c => c["reason"]).Where(r => r.Length > 0).Order(), shown.Order());
        if (codings.All(c => c["reason"].Length == 0))
            Assert.Contains("no reason of the codebook applies", coder.TextContent, StringComparison.Ordinal);
        // The reasons are the archive's: never under the source's name.
        Assert.Contains("they are not the source’s", coding.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodersNoteIsShownWithTheReasonItExplains()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-09");
        var note = document.QuerySelector("section.coding .coding-note")!;
        Assert.Contains("Not racism and discrimination", note.TextContent, StringComparison.Ordinal);
    }
}
