using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Performance;

/// <summary>Pages come from the output cache until the archive changes, and not a request later.</summary>
public sealed class OutputCacheTests : IDisposable
{
    private readonly string _folder = new TestData().WriteToTempFolder();
    private readonly QueryCountTests.CountingFactory _factory;

    public OutputCacheTests() => _factory = new QueryCountTests.CountingFactory(_folder, outputCache: true);

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AnAddressInCapitalsStillRedirectsAfterItsPageWasCached()
    {
        // Regression: output-cache keys ignore case by default, so the cached page answered instead of the 301.
        using var client = _factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 2; i++) // the second request keeps the page
            Assert.Equal(System.Net.HttpStatusCode.OK,
                (await client.GetAsync("/s/test-0001", TestContext.Current.CancellationToken)).StatusCode);
        var capitals = await client.GetAsync("/s/TEST-0001", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, capitals.StatusCode);
    }

    [Fact]
    public async Task ACachedPageCostsNoQueryAndAnImportShowsAtOnce()
    {
        using var client = _factory.CreateClient();
        await client.GetStringAsync("/statements", TestContext.Current.CancellationToken);
        var first = await client.GetStringAsync("/statements", TestContext.Current.CancellationToken); // built again and kept
        Assert.DoesNotContain("Synthetic words added later", first, StringComparison.Ordinal);
        _factory.Reset();
        Assert.Equal(first, await client.GetStringAsync("/statements", TestContext.Current.CancellationToken));
        // The archive's version, the cache key, is held in memory between commits; checked at most once a second, which a slow
        // machine may pass between two requests (a full suite on two cores did).
        Assert.True(_factory.BeyondVersionChecks == 0, _factory.Commands);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var data = new TestData();
            data.Statements.Add(
                "test-0003,test-source,3,,3,test-speaker,quotation,en,Synthetic words added later,,test-reason,,,published");
            await Testimonies.Web.Importing.DataFolder.LoadAsync(db, TestIndex.For(db),
                data.Files().Select(f => new Testimonies.Web.Importing.ImportFile(f.Key, f.Value)).ToList(),
                TestContext.Current.CancellationToken);
        }
        Assert.Contains("Synthetic words added later", await client.GetStringAsync("/statements", TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageIsKeptAtItsSecondRequestOnly()
    {
        // Regression: every one-off search was kept for a minute, turning the cache over every few seconds under new
        // searches; the dropped pages died in the GC's oldest generation and the site held their space.
        using var client = _factory.CreateClient();
        const string url = "/search?q=synthetic";
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        _factory.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.True(_factory.BeyondVersionChecks > 0, "the second request was served from the cache: " + _factory.Commands);
        _factory.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.True(_factory.BeyondVersionChecks == 0, _factory.Commands);
    }

    [Fact]
    public async Task ACoveredPageIsNotKeptByTheFirstRequestOfTheUncoveredOne()
    {
        // The reader's display is part of the admission's note as it is of the key: one request of each is not two of one.
        using var client = _factory.CreateClient();
        const string url = "/search?q=words";
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        using var covered = new HttpRequestMessage(HttpMethod.Get, url);
        covered.Headers.Add("Cookie", $"{ClassroomDisplay.CookieName}={ClassroomDisplay.CookieValue}");
        (await client.SendAsync(covered, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        _factory.Reset();
        await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.True(_factory.BeyondVersionChecks > 0, "the uncovered page was kept at its first request: " + _factory.Commands);
    }

    [Fact]
    public async Task ADownloadIsKeptFromItsFirstRequest()
    {
        using var client = _factory.CreateClient();
        const string url = "/api/v1/statements.csv";
        var first = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        _factory.Reset();
        Assert.Equal(first, await client.GetStringAsync(url, TestContext.Current.CancellationToken));
        Assert.True(_factory.BeyondVersionChecks == 0, _factory.Commands);
    }

    [Fact]
    public async Task AnImportByAnotherInstanceShowsWithinASecond()
    {
        using var client = _factory.CreateClient();
        Assert.DoesNotContain("Written by another instance",
            await client.GetStringAsync("/statements", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Another instance: its own context on the same database, whose commits this site does not see.
        var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={_factory.DatabasePath}").Options;
        await using (var other = new ArchiveDbContext(options))
        {
            var data = new TestData();
            data.Statements.Add(
                "test-0003,test-source,3,,3,test-speaker,quotation,en,Written by another instance,,test-reason,,,published");
            await Testimonies.Web.Importing.DataFolder.LoadAsync(other, TestIndex.For(other),
                data.Files().Select(f => new Testimonies.Web.Importing.ImportFile(f.Key, f.Value)).ToList(),
                TestContext.Current.CancellationToken);
        }
        await Task.Delay(ArchiveVersion.MaxAge + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.Contains("Written by another instance", await client.GetStringAsync("/statements", TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }
}
