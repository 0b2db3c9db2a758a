using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>Permanent links, their redirects, and the embeddable card.</summary>
public class SharingTests(SiteFixture site)
{
    [Theory]
    [InlineData("/statements/csis16-03", "/s/csis16-03")]
    [InlineData("/statements/CSIS16-03", "/s/csis16-03")]
    [InlineData("/s/CSIS16-03", "/s/csis16-03")]
    public async Task OtherAddressesOfAStatementRedirectPermanently(string url, string location)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CapitalsOfAnUnknownIdAreStillNotFound()
    {
        var response = await site.Client.GetAsync("/s/NOPE", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheStatementPageShowsItsPermalinkAndOffersCopyButtonsForScript()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/s/csis16-03");
        Assert.Equal("http://localhost/s/csis16-03", document.QuerySelector(".permalink-url")!.TextContent);
        var copy = document.QuerySelector("button[data-copy='http://localhost/s/csis16-03']")!;
        Assert.True(copy.HasAttribute("hidden")); // shown by site.js; the visible URL serves readers without JavaScript
        var snippet = document.QuerySelector("#embed-code")!.TextContent;
        Assert.StartsWith("<iframe src=\"http://localhost/s/csis16-03/embed\"", snippet, StringComparison.Ordinal);
        Assert.Contains("title=\"Statement csis16-03", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmbedCardShowsTheWordsAttributionContentNoteAndLinkBack()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/s/csis16-14/embed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("They think nothing of bringing down", document.QuerySelector(".statement-text")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("women and children", document.QuerySelector(".content-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saddam Jamal", document.QuerySelector(".attribution")!.TextContent, StringComparison.Ordinal);
        var back = document.QuerySelector(".embed-link a")!;
        Assert.Equal("http://localhost/s/csis16-14", back.GetAttribute("href"));
        Assert.Equal("_blank", back.GetAttribute("target"));
        Assert.Empty(document.QuerySelectorAll("nav, header"));
    }

    [Fact]
    public async Task OnlyTheEmbedRouteMayBeFramed()
    {
        var embed = await site.Client.GetAsync("/s/csis16-03/embed", TestContext.Current.CancellationToken);
        Assert.Contains("frame-ancestors *", Assert.Single(embed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));

        foreach (var url in new[] { "/s/csis16-03", "/", "/search", "/s/csis16-03/embed/extra", "/s/nope/embed" })
        {
            var page = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Contains("frame-ancestors 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")),
                StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/s/nope/embed")]
    public async Task AnUnknownStatementHasNoEmbed(string url)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
