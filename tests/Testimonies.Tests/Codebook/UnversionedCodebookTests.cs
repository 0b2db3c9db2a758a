using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Codebook;

/// <summary>An archive that has recorded no codebook version: the pages show its reasons, unversioned, and say so.</summary>
public class UnversionedCodebookTests(SiteFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SiteWithoutVersionsAsync(ArchiveFactory factory)
    {
        var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        db.CodebookVersions.RemoveRange(await db.CodebookVersions.ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
        await db.BumpVersionAsync(Ct);
        return client;
    }

    [Fact]
    public async Task EveryPageAndDownloadSaysNoVersionIsRecordedAndShowsTheReasons()
    {
        using var factory = fixture.NewFactory();
        var client = await SiteWithoutVersionsAsync(factory);
        var reasons = DataFolderTests.ReadCsv("reasons.csv");

        var (response, codebook) = await Html.GetAsync(client, "/codebook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no version of its codebook", codebook.QuerySelector("main .notice:not(.codebook-ours)")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(reasons.Count, codebook.QuerySelectorAll("article.code").Length);

        var (versionsResponse, versions) = await Html.GetAsync(client, "/codebook/versions");
        Assert.Equal(HttpStatusCode.OK, versionsResponse.StatusCode);
        Assert.Null(versions.QuerySelector("table"));
        Assert.Contains("no version", versions.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);

        var (compareResponse, compare) = await Html.GetAsync(client, "/codebook/compare");
        Assert.Equal(HttpStatusCode.OK, compareResponse.StatusCode);
        Assert.Contains("nothing to compare", compare.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/codebook/compare?from=1&to=2", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/codebook/v/1", Ct)).StatusCode);

        var (printResponse, print) = await Html.GetAsync(client, "/codebook/print");
        Assert.Equal(HttpStatusCode.OK, printResponse.StatusCode);
        Assert.Equal("Testimonies codebook", print.QuerySelector("h1")!.TextContent);

        var json = JsonDocument.Parse(await client.GetStringAsync("/codebook.json", Ct)).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("version").ValueKind);
        Assert.Equal(reasons.Select(r => r["slug"]),
            json.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/codebook.json?version=1", Ct)).StatusCode);

        var (_, statistics) = await Html.GetAsync(client, "/statistics");
        Assert.NotNull(statistics.QuerySelector("#codebook-version a[href='/codebook']"));

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reasons", Ct)).RootElement;
        Assert.All(api.EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("codebook_version").ValueKind));
    }
}
