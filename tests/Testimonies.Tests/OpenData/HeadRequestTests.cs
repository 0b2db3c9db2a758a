using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.OpenData;

/// <summary>
/// Every download answers HEAD as its GET does, without a body: link checkers and download managers ask HEAD first, and MapGet
/// alone answered them 404. A HEAD answered first must not leave an empty body in the cache for the GET after it.
/// </summary>
public class HeadRequestTests(SiteFixture site)
{
    [Theory]
    [InlineData("/search.csv?q=fighting")]
    [InlineData("/search.json?q=fighting")]
    [InlineData("/search.bib?q=fighting")]
    [InlineData("/dataset.zip")]
    [InlineData("/statistics.csv")]
    [InlineData("/statistics.json")]
    [InlineData("/s/csis16-01/cite.bib")]
    [InlineData("/sources/csis-2016-ch9/cite.ris")]
    [InlineData("/sources/csis-2016-ch9/text.txt")]
    [InlineData("/api/v1/statements")]
    [InlineData("/api/v1/reasons")]
    [InlineData("/codebook.json")]
    [InlineData("/codebook/agreement.json")]
    [InlineData("/feed.atom")]
    [InlineData("/sitemap.xml")]
    public async Task HeadIsAnsweredLikeGetWithoutABody(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var head = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(ct));
        using var get = await site.Client.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync(ct));
    }
}
