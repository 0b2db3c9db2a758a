using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Deployment;

/// <summary>
/// What a public deployment needs by default: unsupported methods get 405, HTTPS answers carry HSTS, and with
/// Archive:PublicUrl every absolute link is the configured address whatever the Host header says.
/// </summary>
public class PublicDeploymentTests : IDisposable
{
    public const string PublicUrl = "https://testimonies.example.org";

    private readonly Lazy<ArchiveFactory> _plain;
    private readonly Lazy<ArchiveFactory> _public;

    protected virtual TestStore Store => TestStore.Sqlite;

    public PublicDeploymentTests()
    {
        _plain = new(() => Start(new ConfiguredFactory(Store, new Dictionary<string, string>())));
        _public = new(() => Start(new ConfiguredFactory(Store,
            new Dictionary<string, string> { ["Archive:PublicUrl"] = PublicUrl + "/" })));
    }

    private ArchiveFactory Start(ArchiveFactory factory)
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
        return factory;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Client(ArchiveFactory factory, string address) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/s/csis16-03")]
    [InlineData("TRACE", "/search")]
    [InlineData("TRACE", "/statements")]
    [InlineData("TRACE", "/admin/login")]
    [InlineData("TRACE", "/no-such-page")]
    [InlineData("TRACE", "/dataset.zip")]
    [InlineData("TRACE", "/api/v1/statements")]
    [InlineData("DELETE", "/s/csis16-03")]
    [InlineData("PUT", "/about")]
    [InlineData("POST", "/statistics")]
    [InlineData("PATCH", "/search.csv")]
    public async Task AnUnsupportedMethodGets405WithTheAllowedOnes(string method, string path)
    {
        using var client = Client(_plain.Value, "https://localhost");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var allow = response.Content.Headers.Allow;
        Assert.Contains("GET", allow);
        Assert.DoesNotContain(method, allow);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMethodsARouteDeclaresStillWork()
    {
        using var client = Client(_plain.Value, "https://localhost");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/s/csis16-03"), Ct)).StatusCode);
        // The login page declares POST: a post without its token is refused by antiforgery (400), not by the method check.
        var post = await client.PostAsync("/admin/login", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task HttpsAnswersCarryHstsAndPlainHttpDoesNot()
    {
        using var https = Client(_plain.Value, PublicUrl);
        var secure = await https.GetAsync("/about", Ct);
        Assert.Equal("max-age=15552000", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
        using var http = Client(_plain.Value, "http://testimonies.example.org");
        Assert.False((await http.GetAsync("/about", Ct)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WithoutAPublicUrlLinksFollowTheRequest()
    {
        using var client = Client(_plain.Value, "https://mirror.example.net");
        var page = await client.GetStringAsync("/s/csis16-03", Ct);
        Assert.Contains("https://mirror.example.net/s/csis16-03", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/s/csis16-03")]
    [InlineData("/s/csis16-03/embed")]
    [InlineData("/s/csis16-03/cite.bib")]
    [InlineData("/api/v1/statements?page_size=2")]
    [InlineData("/api/v1/statements.csv")]
    [InlineData("/search.json?q=fighting")]
    [InlineData("/search.ris?q=fighting")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.atom")]
    [InlineData("/robots.txt")]
    [InlineData("/statements")]
    public async Task WithAPublicUrlEveryAbsoluteLinkIsThePublicAddress(string path)
    {
        // Plain HTTP on the right host (a proxy that does not forward the scheme) still writes the public https address.
        using var client = Client(_public.Value, "http://testimonies.example.org");
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(PublicUrl + "/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://testimonies.example.org", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPublicUrlAnotherHostHeaderIsRefused()
    {
        using var client = Client(_public.Value, "https://attacker.example.com");
        var response = await client.GetAsync("/s/csis16-03", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("attacker.example.com", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("testimonies.example.org")]
    [InlineData("https://testimonies.example.org/archive")]
    [InlineData("ftp://testimonies.example.org")]
    public async Task APublicUrlThatIsNotAnAddressStopsStartUpWithAMessage(string configured)
    {
        var databaseFolder = Directory.CreateTempSubdirectory("testimonies-start-").FullName;
        try
        {
            using var process = ChildProcess.StartSite(new Dictionary<string, string>
            {
                ["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(databaseFolder, "archive.db")}",
                ["Archive__DataPath"] = RepositoryPaths.Data,
                ["Archive__PublicUrl"] = configured,
            });
            var (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(60));
            Assert.Equal(1, exitCode);
            Assert.Contains($"Archive:PublicUrl is \"{configured}\"", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
    }

    public void Dispose()
    {
        if (_plain.IsValueCreated) _plain.Value.Dispose();
        if (_public.IsValueCreated) _public.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
