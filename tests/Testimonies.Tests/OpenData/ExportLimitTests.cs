using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Performance;
using Testimonies.Web;

namespace Testimonies.Tests.OpenData;

/// <summary>
/// Heavy exports are limited per client and in total (429 with Retry-After and a short message), and a
/// download's cache key holds only the parameters it reads, so a new query string does not rebuild it.
/// </summary>
public class ExportLimitTests : IDisposable
{
    private readonly string _folder = new TestData().WriteToTempFolder();
    private readonly Lazy<ArchiveFactory> _limited;

    protected virtual TestStore Store => TestStore.Sqlite;

    public ExportLimitTests() => _limited = new(() =>
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
        return new ConfiguredFactory(Store, new Dictionary<string, string> { ["Exports:PerClientPerMinute"] = "2" }, _folder);
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/dataset.zip")]
    [InlineData("/api/v1/statements.csv")]
    [InlineData("/search.json?q=synthetic")]
    [InlineData("/search.bib")]
    [InlineData("/dataset.qdpx")]
    [InlineData("/search.qdpx?q=synthetic")]
    [InlineData("/codebook.qdc")]
    public async Task AClientOverItsLimitGets429WithRetryAfter(string path)
    {
        using var client = _limited.Value.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // The limiter counts before the output cache: two from the cache count as two.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
        var refused = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Contains("Too many downloads", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Pages are not exports: they are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statements", Ct)).StatusCode);
    }

    [Fact]
    public async Task AllClientsTogetherGetOnlyTheTotalNumberOfConcurrentExports()
    {
        using var limiter = ExportLimits.CreateLimiter(new ExportOptions { PerClientPerMinute = 100, ConcurrentTotal = 2, QueueTotal = 0 });
        // As routing leaves it: /dataset.zip's endpoint, marked as a download where it is mapped.
        var download = new Endpoint(null, new EndpointMetadataCollection(Testimonies.Web.Archive.DownloadEndpoint.Marker), "/dataset.zip");
        HttpContext From(string address)
        {
            var context = new DefaultHttpContext
            {
                Request = { Path = "/dataset.zip" }, Connection = { RemoteIpAddress = IPAddress.Parse(address) },
            };
            context.SetEndpoint(download);
            return context;
        }
        using var first = await limiter.AcquireAsync(From("192.0.2.1"), cancellationToken: Ct);
        using var second = await limiter.AcquireAsync(From("192.0.2.2"), cancellationToken: Ct);
        using var third = await limiter.AcquireAsync(From("192.0.2.3"), cancellationToken: Ct);
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(third.IsAcquired);
        using var page = await limiter.AcquireAsync(new DefaultHttpContext { Request = { Path = "/statements" } }, cancellationToken: Ct);
        Assert.True(page.IsAcquired);
    }

    [Fact]
    public async Task ANewQueryStringDoesNotRebuildADownload()
    {
        using var factory = new QueryCountTests.CountingFactory(_folder, outputCache: true);
        using var client = factory.CreateClient();
        foreach (var (first, again, other) in new[]
        {
            ("/dataset.zip", "/dataset.zip?utm_source=newsletter", (string?)null),
            ("/search.csv?q=synthetic", "/search.csv?q=synthetic&utm_source=x", "/search.csv?q=number"),
            ("/search.bib?q=synthetic", "/search.bib?fbclid=1&q=synthetic", "/search.bib?q=number"),
            ("/dataset.qdpx", "/dataset.qdpx?utm_source=newsletter", null),
            ("/search.qdpx?q=synthetic", "/search.qdpx?q=synthetic&utm_source=x", "/search.qdpx?q=number"),
            ("/codebook.qdc", "/codebook.qdc?utm_source=x", null),
        })
        {
            (await client.GetAsync(first, Ct)).EnsureSuccessStatusCode();
            factory.Reset();
            (await client.GetAsync(again, Ct)).EnsureSuccessStatusCode();
            // The archive version's check may run (at most once a second, ArchiveVersion.MaxAge), nothing else.
            Assert.True(factory.BeyondVersionChecks == 0,
                $"{again} ran {factory.Count} SQL commands ({factory.Commands}): it was built again, not taken from the cache");
            if (other is null) continue;
            (await client.GetAsync(other, Ct)).EnsureSuccessStatusCode();
            Assert.True(factory.Count > 0, $"{other} came from the cache of {first}");
        }
    }

    public void Dispose()
    {
        if (_limited.IsValueCreated) _limited.Value.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
