using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Performance;

/// <summary>
/// No N+1 queries: every page sends the same number of SQL commands whether the archive holds 2
/// statements or 62. A page that queried once per statement (or per reason of each) would differ.
/// </summary>
public sealed class QueryCountTests : IDisposable
{
    private readonly CountingFactory _small;
    private readonly CountingFactory _large;
    private readonly List<string> _folders = [];

    public QueryCountTests()
    {
        _small = new CountingFactory(Folder(new TestData()));
        var larger = new TestData();
        for (var i = 3; i <= 62; i++)
            larger.Statements.Add($"test-{i:D4},test-source,{i},,{i},test-speaker,quotation,en,Synthetic words number {i},,test-reason;other-reason,Context {i},,published");
        _large = new CountingFactory(Folder(larger));
    }

    private string Folder(TestData data)
    {
        var folder = data.WriteToTempFolder();
        _folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        _small.Dispose();
        _large.Dispose();
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statements")]
    [InlineData("/s/test-0001")]
    [InlineData("/reasons")]
    [InlineData("/reasons/test-reason")]
    [InlineData("/speakers")]
    [InlineData("/speakers/test-speaker")]
    [InlineData("/sources/test-source")]
    [InlineData("/search?q=synthetic")]
    [InlineData("/statistics")]
    [InlineData("/api/v1/statements")]
    [InlineData("/feed.atom")]
    public async Task APageSendsAsManyQueriesForAFewStatementsAsForMany(string url)
    {
        var small = await _small.CountAsync(url);
        var large = await _large.CountAsync(url);
        Assert.True(small == large, $"{url}: {small} SQL commands with 2 statements, {large} with 62");
        Assert.InRange(small, 1, 25);
    }

    internal sealed class CountingFactory(string dataPath, bool outputCache = false) : ArchiveFactory(dataPath)
    {
        private readonly CommandCounter _counter = new();

        public int Count => _counter.Count;

        public void Reset() => _counter.Reset();

        public async Task<int> CountAsync(string url)
        {
            using var client = CreateClient();
            (await client.GetAsync(url, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode(); // warm: caches filled, pools open
            _counter.Reset();
            (await client.GetAsync(url, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            return _counter.Count;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<ArchiveDbContext>(options => options.AddInterceptors(_counter));
                // Counting what a page costs to build: served from the output cache it would cost one query.
                if (!outputCache) services.AddOutputCache(options => options.AddBasePolicy(policy => policy.NoCache()));
            });
        }
    }

    internal sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}

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
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}

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
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/s/test-0001", TestContext.Current.CancellationToken)).StatusCode);
        var capitals = await client.GetAsync("/s/TEST-0001", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, capitals.StatusCode);
    }

    [Fact]
    public async Task ACachedPageCostsNoQueryAndAnImportShowsAtOnce()
    {
        using var client = _factory.CreateClient();
        var first = await client.GetStringAsync("/statements", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Synthetic words added later", first, StringComparison.Ordinal);
        _factory.Reset();
        Assert.Equal(first, await client.GetStringAsync("/statements", TestContext.Current.CancellationToken));
        Assert.Equal(0, _factory.Count); // the archive's version, the cache key, is held in memory between commits

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var data = new TestData();
            data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quotation,en,Synthetic words added later,,test-reason,,,published");
            await Testimonies.Web.Importing.DataFolder.LoadAsync(db, data.Files().Select(f => new Testimonies.Web.Importing.ImportFile(f.Key, f.Value)).ToList(), TestContext.Current.CancellationToken);
        }
        Assert.Contains("Synthetic words added later", await client.GetStringAsync("/statements", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportByAnotherInstanceShowsWithinASecond()
    {
        using var client = _factory.CreateClient();
        Assert.DoesNotContain("Written by another instance", await client.GetStringAsync("/statements", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Another instance: its own context on the same database, whose commits this site does not see.
        var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={_factory.DatabasePath}").Options;
        await using (var other = new ArchiveDbContext(options))
        {
            var data = new TestData();
            data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quotation,en,Written by another instance,,test-reason,,,published");
            await Testimonies.Web.Importing.DataFolder.LoadAsync(other, data.Files().Select(f => new Testimonies.Web.Importing.ImportFile(f.Key, f.Value)).ToList(), TestContext.Current.CancellationToken);
        }
        await Task.Delay(ArchiveVersion.MaxAge + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.Contains("Written by another instance", await client.GetStringAsync("/statements", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
