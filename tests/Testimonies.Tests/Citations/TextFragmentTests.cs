using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Citations;

namespace Testimonies.Tests.Citations;

public class TextFragmentTests(SiteFixture site)
{
    [Theory]
    [InlineData("Muslims are fighting Muslims; I didn’t come for that",
        "Muslims%20are%20fighting%20Muslims%3B%20I%20didn%E2%80%99t%20come%20for%20that")]
    [InlineData("is not protecting Muslims, it is killing them", "is%20not%20protecting%20Muslims%2C%20it%20is%20killing%20them")]
    [InlineData("al-Nusrah & co", "al%2DNusrah%20%26%20co")]
    [InlineData("It's not a revolution", "It's%20not%20a%20revolution")]
    public void ShortQuotationsAreMatchedWhole(string text, string encoded) =>
        Assert.Equal($"https://example.org/report#:~:text={encoded}", TextFragment.For("https://example.org/report", text));

    [Fact]
    public void LongQuotationsUseStartAndEnd() =>
        Assert.Equal("https://example.org/r#:~:text=They%20think%20nothing%20of,to%20kill%20one%20person",
            TextFragment.For("https://example.org/r#top",
                "They think nothing of bringing down a whole building with women and children inside, just to kill one person"));

    [Fact]
    public async Task WithoutAWebAddressThePageShowsTheLocatorInstead()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-03");
        Assert.Null(document.QuerySelector(".source-words-link"));
        Assert.Contains("not recorded", document.QuerySelector(".no-url")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAWebAddressThePageLinksToTheWordsInTheSource()
    {
        var data = new TestData();
        data.Sources[1] = "test-source,Synthetic Test Source,,,,,,Test Publisher,,2020-05,https://example.org/synthetic-report,en,";
        var folder = data.WriteToTempFolder();
        try
        {
            using var factory = site.NewFactory(folder);
            using var client = factory.CreateClient();
            var (_, document) = await Html.GetAsync(client, "/s/test-0001");
            Assert.Equal("https://example.org/synthetic-report#:~:text=Synthetic%20words%20number%20one",
                document.QuerySelector(".source-words-link")!.GetAttribute("href"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
