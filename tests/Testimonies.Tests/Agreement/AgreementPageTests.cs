using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Agreement;

/// <summary>
/// /codebook/agreement, its JSON and the statistics' agreement, on a real store seeded with synthetic coders' codings of
/// the real statements (never written to data/): the 2011 paper's binary example as two coders' codings of one reason.
/// </summary>
public class AgreementPageTests(SiteFixture site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The paper's binary example (section A): coder 1's and coder 2's values for ten statements; α = 0.095.
    private static readonly int[] First = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    private static readonly int[] Second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];

    /// <summary>A site with no codings at all (whatever data/ brings), then the given seeding.</summary>
    private async Task<(ArchiveFactory Factory, List<Reason> Reasons)> SiteAsync(
        Func<ArchiveDbContext, List<int>, List<Reason>, Task>? seed)
    {
        var factory = site.NewFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.CodingDecisions.ExecuteDeleteAsync(Ct);
        await db.Codings.ExecuteDeleteAsync(Ct);
        await db.CodebookVersions.ExecuteDeleteAsync(Ct);
        var statements = await db.PublishedStatements.OrderBy(s => s.Id).Select(s => s.Id).Take(12).ToListAsync(Ct);
        var reasons = await db.Reasons.AsNoTracking().OrderBy(r => r.Position).ToListAsync(Ct);
        if (seed is not null) await seed(db, statements, reasons);
        await db.BumpVersionAsync(Ct);
        return (factory, reasons);
    }

    private static async Task SeedAsync(ArchiveDbContext db, List<int> statements, List<Reason> reasons)
    {
        var at = new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var (number, dated) in new[] { (1, new DateOnly(2026, 1, 1)), (2, new DateOnly(2026, 6, 1)) })
            db.CodebookVersions.Add(new CodebookVersion
            {
                Number = number, Dated = dated, ChangeNote = $"Synthetic version {number}.", RecordedAt = at, RecordedBy = "test",
            });
        var coders = Enumerable.Range(1, 3)
            .Select(i => new Coder { Key = $"synthetic-coder-{i}", Label = $"Synthetic coder {i}" }).ToList();
        db.Coders.AddRange(coders);
        await db.SaveChangesAsync(Ct);
        Coding Row(int coder, int statement, int? reason, int version, DateTimeOffset? replaced = null) => new()
        {
            CoderId = coders[coder].Id, StatementId = statement, ReasonId = reason, CodebookVersion = version,
            Origin = "test", CodedAt = at, ReplacedAt = replaced,
        };
        for (var i = 0; i < First.Length; i++)
        {
            db.Codings.Add(Row(0, statements[i], First[i] == 1 ? reasons[0].Id : null, 2));
            db.Codings.Add(Row(1, statements[i], Second[i] == 1 ? reasons[0].Id : null, 2));
        }
        // A coding coder 1 replaced: if it counted, the second reason would vary and the overall figure would change.
        db.Codings.Add(Row(0, statements[3], reasons[1].Id, 2, replaced: at));
        // Version 1: one coder, three statements; never compared with version 2's codings of the same statements.
        for (var i = 0; i < 3; i++) db.Codings.Add(Row(2, statements[i], reasons[1].Id, 1));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task WithNoCodingsThePageSaysSoAndShowsNoFigure()
    {
        var (factory, _) = await SiteAsync(null);
        using (factory)
        {
            using var client = factory.CreateClient();
            var (response, document) = await Html.GetAsync(client, "/codebook/agreement");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("No agreement to report yet", document.QuerySelector("#empty")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(document.QuerySelectorAll("table.agreement"));
            Assert.Contains("0.800", document.GetElementById("thresholds")!.TextContent, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await client.GetStringAsync("/codebook/agreement.json", Ct));
            Assert.Equal(0, json.RootElement.GetProperty("versions").GetArrayLength());
            using var stats = JsonDocument.Parse(await client.GetStringAsync("/statistics.json", Ct));
            Assert.Equal(JsonValueKind.Null, stats.RootElement.GetProperty("codebook_version").ValueKind);
            Assert.Equal(0, stats.RootElement.GetProperty("agreement").GetProperty("versions").GetArrayLength());
            var (_, page) = await Html.GetAsync(client, "/statistics");
            Assert.Contains("No codebook version is recorded yet", page.GetElementById("codebook-version")!.TextContent,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePageShowsEachVersionsFiguresFromCurrentCodingsOnly()
    {
        var (factory, reasons) = await SiteAsync(SeedAsync);
        using (factory)
        {
            using var client = factory.CreateClient();
            var (_, document) = await Html.GetAsync(client, "/codebook/agreement");
            var second = document.GetElementById("version-2")!;
            Assert.Contains("Codebook version 2, 2026-06-01", second.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            var row = second.QuerySelector($"tr[data-reason='{reasons[0].Slug}']")!;
            Assert.Equal($"/reasons/{reasons[0].Slug}", row.QuerySelector("th a")!.GetAttribute("href"));
            Assert.Equal(["0.095", "60.0 %", "10", "2"], row.QuerySelectorAll("td.number").Select(c => c.TextContent));
            Assert.StartsWith("not reliable", row.QuerySelectorAll("td")[^1].TextContent, StringComparison.Ordinal);
            // The replaced coding gave the second reason; nobody's current coding does.
            var other = second.QuerySelector($"tr[data-reason='{reasons[1].Slug}']")!;
            Assert.Equal(["—", "100.0 %", "10", "2"], other.QuerySelectorAll("td.number").Select(c => c.TextContent));
            Assert.StartsWith("not computable", other.QuerySelectorAll("td")[^1].TextContent, StringComparison.Ordinal);
            // One reason a statement (or none): overall is the paper's binary example again.
            Assert.Equal("0.095", second.QuerySelector("tr.overall td.number")!.TextContent);
            Assert.Equal("10", second.QuerySelectorAll("tr.pooled td.number")[2].TextContent);
            Assert.Contains("10 statements coded independently by two or more coders; none coded by one coder only",
                second.QuerySelector(".coverage")!.TextContent, StringComparison.Ordinal);

            var first = document.GetElementById("version-1")!;
            Assert.Contains("3 statements coded by one coder; none coded twice", first.QuerySelector(".coverage")!.TextContent,
                StringComparison.Ordinal);
            Assert.Empty(first.QuerySelectorAll("table"));
            // The current version comes first.
            Assert.Equal(["version-2", "version-1"], document.QuerySelectorAll("section.agreement-version").Select(s => s.Id));
        }
    }

    [Fact]
    public async Task TheJsonAndTheStatisticsGiveTheSameFiguresAndTheCodebookVersion()
    {
        var (factory, reasons) = await SiteAsync(SeedAsync);
        using (factory)
        {
            using var client = factory.CreateClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/codebook/agreement.json", Ct));
            using var stats = JsonDocument.Parse(await client.GetStringAsync("/statistics.json", Ct));
            foreach (var agreement in new[] { json.RootElement, stats.RootElement.GetProperty("agreement") })
            {
                var versions = agreement.GetProperty("versions").EnumerateArray().ToList();
                Assert.Equal([2, 1], versions.Select(v => v.GetProperty("codebook_version").GetInt32()));
                var reason = versions[0].GetProperty("reasons").EnumerateArray()
                    .Single(r => r.GetProperty("reason").GetString() == reasons[0].Slug);
                Assert.Equal(0.095, reason.GetProperty("alpha").GetDouble());
                Assert.Equal(60.0, reason.GetProperty("percent_agreement").GetDouble());
                Assert.Equal(10, reason.GetProperty("statements").GetInt32());
                Assert.Equal(2, reason.GetProperty("coders").GetInt32());
                Assert.Equal("no-variation", versions[0].GetProperty("reasons")[1].GetProperty("undefined").GetString());
                Assert.Equal(3, versions[1].GetProperty("statements_coded_by_one_coder").GetInt32());
                Assert.Equal("no-pairable-values", versions[1].GetProperty("overall").GetProperty("undefined").GetString());
                Assert.Equal(0.8, agreement.GetProperty("thresholds").GetProperty("reliable").GetDouble());
            }
            var codebook = stats.RootElement.GetProperty("codebook_version");
            Assert.Equal(2, codebook.GetProperty("number").GetInt32());
            Assert.Equal("2026-06-01", codebook.GetProperty("dated").GetString());

            var (_, page) = await Html.GetAsync(client, "/statistics");
            var line = page.GetElementById("codebook-version")!;
            Assert.Contains("The current codebook is version 2 (2026-06-01)", line.TextContent, StringComparison.Ordinal);
            Assert.NotNull(line.QuerySelector("a[href='/codebook/agreement']"));
        }
    }

    [Fact]
    public async Task AWithdrawnStatementsCodingsAreLeftOut()
    {
        var (factory, reasons) = await SiteAsync(async (db, statements, reasons) =>
        {
            await SeedAsync(db, statements, reasons);
            // Statement 2 of the example (both coders gave the reason) withdrawn: 9 statements, n = 18, n₁ = 4,
            // α = 1 − 17 × 8 / (324 − 212).
            await db.Statements.Where(s => s.Id == statements[1])
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, PublicationStatus.Withdrawn), Ct);
        });
        using (factory)
        {
            using var client = factory.CreateClient();
            var (_, document) = await Html.GetAsync(client, "/codebook/agreement");
            var row = document.GetElementById("version-2")!.QuerySelector($"tr[data-reason='{reasons[0].Slug}']")!;
            Assert.Equal([(1 - 17.0 * 8 / 112).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), "55.6 %", "9", "2"],
                row.QuerySelectorAll("td.number").Select(c => c.TextContent));
            Assert.Contains("2 statements coded by one coder; none coded twice",
                document.GetElementById("version-1")!.QuerySelector(".coverage")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheMethodPageExplainsAgreement()
    {
        var (_, document) = await Html.GetAsync(site.Client, "/about");
        var section = document.GetElementById("agreement")!;
        foreach (var words in new[] { "0.800", "0.667", "§11.4", "negative", "one coder", "/codebook/agreement" })
            Assert.Contains(words, section.InnerHtml, StringComparison.Ordinal);
    }
}
