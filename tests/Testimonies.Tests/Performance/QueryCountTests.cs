using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
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
            larger.Statements.Add($"test-{i:D4},test-source,{i},,{i},test-speaker,quotation,en,Synthetic words number {i},,test-reason;"
                + $"other-reason,Context {i},,published");
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
    [InlineData("/codebook")]
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
        private readonly CommandLog _counter = new();

        public int Count => _counter.Count;

        /// <inheritdoc cref="CommandLog.BeyondVersionChecks"/>
        public int BeyondVersionChecks => _counter.BeyondVersionChecks;

        /// <summary>The first line of each command counted since the last reset, for failure messages.</summary>
        public string Commands => string.Join(" | ", _counter.Commands);

        public void Reset() => _counter.Reset();

        public async Task<int> CountAsync(string url)
        {
            using var client = CreateClient();
            // warm: caches filled, pools open
            (await client.GetAsync(url, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            _counter.Reset();
            (await client.GetAsync(url, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            // Not the archive version's check: it repeats once a second, so a slow machine may count one more.
            return _counter.BeyondVersionChecks;
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
}
