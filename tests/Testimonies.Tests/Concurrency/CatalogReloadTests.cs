using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Concurrency;

/// <summary>
/// After a change, the first search loads the new search catalog; searches arriving meanwhile are answered from the previous
/// one at once (they used to queue behind the load: one slow round of the load-during-import benchmark), and those pages are
/// not kept in the output cache under the new version.
/// </summary>
public class CatalogReloadTests : MaintainerSiteTests
{
    private static async Task<string> HeadingAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector("#results-heading")!.TextContent.Trim();

    [Fact]
    public async Task ASearchWhileAnotherLoadsTheCatalogGetsThePreviousOneAtOnceAndIsNotCached()
    {
        var token = TestContext.Current.CancellationToken;
        using var reader = Factory.CreateClient(); // no maintainer session, so its pages may be cached
        var before = await HeadingAsync(await reader.GetAsync("/search", token));
        Assert.Equal("18 statements", before);

        var withdrawn = await RecordForm.SaveAsync(Client, "/admin/statements/csis16-04", new() { ["status"] = "withdrawn" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var catalog = Factory.Services.GetRequiredService<SearchCatalog>();
        await catalog.Loading.WaitAsync(token); // another request loading the new catalog
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var clock = Stopwatch.StartNew();
            var meanwhile = await reader.GetAsync("/search", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the search took {clock.Elapsed}");
            Assert.Equal("18 statements", await HeadingAsync(meanwhile));
            // The withdrawn statement is counted by the previous catalog but never shown.
            Assert.DoesNotContain("/s/csis16-04\"", await meanwhile.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        }
        finally
        {
            catalog.Loading.Release();
        }

        Assert.Equal("17 statements", await HeadingAsync(await reader.GetAsync("/search", token)));
        Assert.Equal("17 statements", await HeadingAsync(await reader.GetAsync("/search", token)));
    }

    [Fact]
    public async Task ALoadGoesOnWhenTheRequestThatBeganItGivesUp()
    {
        var token = TestContext.Current.CancellationToken;
        var withdrawn = await RecordForm.SaveAsync(Client, "/admin/statements/csis16-04", new() { ["status"] = "withdrawn" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var catalog = Factory.Services.GetRequiredService<SearchCatalog>();
        using var client = CancellationTokenSource.CreateLinkedTokenSource(token);
        // The client that began the load goes away once it has begun: the load was cancelled for every search waiting on it,
        // and under load each next one began again and was cancelled in turn (no answer for seconds at 100,000 statements).
        catalog.BeforeLoad = () => client.CancelAsync();
        try
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Testimonies.Web.Archive.ArchiveDbContext>();
            var snapshot = await catalog.GetAsync(db, client.Token);
            Assert.Equal(17, snapshot.Count);
        }
        finally
        {
            catalog.BeforeLoad = null;
        }
    }
}
