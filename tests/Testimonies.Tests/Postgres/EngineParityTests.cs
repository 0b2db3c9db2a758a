using AngleSharp.Dom;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

/// <summary>
/// The search page behaves the same on both engines: for the query language's every form, the same
/// statements, the same facet counts and the same words marked. Relevance scores come from different
/// formulas (bm25, ts_rank), so relevance order is compared as a set; source order exactly.
/// </summary>
public sealed class EngineParityTests(SiteFixture sqlite, PostgresSiteFixture postgres)
{
    public static TheoryData<string> Searches =>
    [
        "q=muslims",
        "q=fight",
        "q=kill+Muslims",
        "q=%22killing+other%22",
        "q=%22kill+Muslims%22",
        "q=disillusion*",
        "q=sy*",
        "q=racism+OR+discrimination",
        "q=jihad+-slaughter",
        "q=muslims+-%22fighting+Muslims%22",
        "q=the",
        "q=didn%E2%80%99t",
        "q=MUSLIMS",
        "q=r%C3%A9volution",
        "q=Tunisian",
        "q=infighting",
        "q=toilets",
        "q=al-Nusrah",
        "q=2014",
        "q=%22%22",
        "q=muslims&reason=infighting",
        "q=fighters&kind=paraphrase",
        "reason=racism-and-discrimination&nationality=not-stated",
        "q=nothingmatchesthis",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchFindsAndMarksTheSameOnSqliteAndPostgres(string query)
    {
        var onSqlite = await ReadAsync(sqlite, $"/search?{query}&sort=source");
        var onPostgres = await ReadAsync(postgres, $"/search?{query}&sort=source");
        Assert.Equal(onSqlite.Heading, onPostgres.Heading);
        Assert.Equal(onSqlite.Hits, onPostgres.Hits);
        Assert.Equal(onSqlite.Facets, onPostgres.Facets);

        var rankedSqlite = await ReadAsync(sqlite, $"/search?{query}");
        var rankedPostgres = await ReadAsync(postgres, $"/search?{query}");
        Assert.Equal(rankedSqlite.Hits.Order(), rankedPostgres.Hits.Order());
    }

    private static async Task<(string Heading, List<string> Hits, List<string> Facets)> ReadAsync(SiteFixture site, string url)
    {
        var (response, document) = await Html.GetAsync(site.Client, url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var hits = document.QuerySelectorAll(".search-hit").Select(hit =>
            $"{hit.QuerySelector(".permalink a")?.GetAttribute("href")} {Inner(hit, ".statement-text")} {Inner(hit, ".context")}").ToList();
        var facets = document.QuerySelectorAll(".facets li").Select(li => li.TextContent.Trim()).ToList();
        return (document.QuerySelector("#results-heading")!.TextContent.Trim(), hits, facets);
    }

    private static string? Inner(IElement hit, string selector) => hit.QuerySelector(selector)?.InnerHtml;
}
