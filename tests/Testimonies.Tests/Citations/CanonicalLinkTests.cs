using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Citations;

/// <summary>One address per page: &lt;link rel="canonical"&gt; everywhere, without tracking tags or stray parameters.</summary>
public class CanonicalLinkTests(SiteFixture site)
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/statements", "/statements")]
    [InlineData("/statements?page=1", "/statements")]
    [InlineData("/statements?utm_source=mail", "/statements")]
    [InlineData("/reasons", "/reasons")]
    [InlineData("/reasons/infighting", "/reasons/infighting")]
    [InlineData("/speakers/abu-ibrahim", "/speakers/abu-ibrahim")]
    [InlineData("/sources/csis-2016-ch9", "/sources/csis-2016-ch9")]
    [InlineData("/about", "/about")]
    [InlineData("/search?q=muslims&reason=infighting&fbclid=x", "/search?q=muslims&reason=infighting")]
    [InlineData("/s/csis16-04", "/s/csis16-04")]
    public async Task EveryPageNamesItsCanonicalAddress(string url, string canonical)
    {
        var (_, document) = await Html.GetAsync(site.Client, url);
        var links = document.QuerySelectorAll("link[rel=canonical]");
        Assert.Equal($"http://localhost{canonical}", Assert.Single(links).GetAttribute("href"));
    }

    [Fact]
    public async Task ANotFoundPageHasNoCanonicalAddress()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/reasons/no-such-reason");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(document.QuerySelectorAll("link[rel=canonical]"));
    }
}
