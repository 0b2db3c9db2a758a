using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Performance;

/// <summary>Public pages and data are compressed; the maintainers' pages, which hold antiforgery tokens, are not.</summary>
public class CompressionTests(SiteFixture site)
{
    [Theory]
    [InlineData("/statements", "br")]
    [InlineData("/api/v1/statements", "br")]
    [InlineData("/statistics", "gzip")]
    public async Task PublicAnswersAreCompressed(string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task TheMaintainersPagesAreNot()
    {
        using var factory = new ArchiveFactory();
        var client = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
