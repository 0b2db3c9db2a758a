using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Codebook;

/// <summary>
/// A site on the real data/ whose codebook has three versions seeded by the test, visibly synthetic (their change notes say
/// so): version 1 restored from a dataset without its codes, version 2 with codes that differ from today's in known ways
/// (a code since removed, one since added, a definition, a boundary and a theme since changed), version 3 today's reasons.
/// Nothing of it touches data/ or the real statements' coding.
/// </summary>
public class CodebookSite : IDisposable
{
    public const string RemovedSlug = "synthetic-removed-code";
    public const string AddedSlug = "boredom";
    public const string OldInfightingDefinition = "Code when the speaker objects that ISIL fights Muslims (synthetic version 2 wording).";

    private readonly Lazy<(ArchiveFactory Factory, HttpClient Client)> _site;

    public CodebookSite() : this(TestStore.Sqlite) { }

    protected CodebookSite(TestStore store)
    {
        Store = store;
        _site = new(() =>
        {
            var factory = new ArchiveFactory(store: store);
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            SeedAsync(factory).GetAwaiter().GetResult();
            return (factory, client);
        });
    }

    public TestStore Store { get; }

    public HttpClient Client
    {
        get
        {
            if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
            return _site.Value.Client;
        }
    }

    public ArchiveFactory Factory
    {
        get
        {
            _ = Client;
            return _site.Value.Factory;
        }
    }

    /// <summary>Version 2's codes: today's, changed as the constants above say.</summary>
    public static List<CodebookCode> Version2(IReadOnlyList<CodebookCode> current)
    {
        var codes = current.Where(c => c.Slug != AddedSlug).Select(c => c.Slug switch
        {
            "infighting" => c with { Definition = OldInfightingDefinition },
            "lack-of-humanitarian-concern" => c with { Boundary = "Active killing of civilians is brutality-and-indiscriminate-killing." },
            "labelled-terrorist" => c with { Theme = "other" },
            _ => c,
        }).ToList();
        codes.Add(new CodebookCode(RemovedSlug, "Synthetic removed code", "other", "Code when a synthetic test says so.",
            "Not when infighting applies.", 99));
        return codes;
    }

    public static async Task SeedAsync(ArchiveFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var current = (await db.Reasons.OrderBy(r => r.Position).ToListAsync()).Select(CodebookCode.Of).ToList();
        // The test's own versions only: whatever data/ recorded is replaced in this site's own database.
        db.CodebookVersions.RemoveRange(await db.CodebookVersions.ToListAsync());
        await db.SaveChangesAsync();
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        db.CodebookVersions.AddRange(
            new CodebookVersion
            {
                Number = 1, Dated = new DateOnly(2025, 1, 15), ChangeNote = "Synthetic version 1, restored without its codes.",
                CodesJson = null, RecordedAt = at, RecordedBy = "synthetic-test",
            },
            new CodebookVersion
            {
                Number = 2, Dated = new DateOnly(2025, 6, 1), ChangeNote = "Synthetic version 2 <em>for tests</em>.",
                CodesJson = CodebookCode.Serialize(Version2(current)), RecordedAt = at, RecordedBy = "synthetic-test",
            },
            new CodebookVersion
            {
                Number = 3, Dated = new DateOnly(2026, 11, 1), ChangeNote = "Synthetic version 3: today's reasons.",
                CodesJson = CodebookCode.Serialize(current), RecordedAt = at, RecordedBy = "synthetic-test",
            });
        await db.SaveChangesAsync();
        await db.BumpVersionAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        if (_site.IsValueCreated)
        {
            _site.Value.Client.Dispose();
            _site.Value.Factory.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
