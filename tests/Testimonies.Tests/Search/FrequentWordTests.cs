using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

/// <summary>
/// The catalog keeps what the most frequent words match (IFullTextEngine.FrequentWordsAsync); a search that takes a word's
/// statements from there must find exactly what the index finds. Here every word counts as frequent, so every path is taken.
/// A subclass runs the tests again on PostgreSQL.
/// </summary>
public class FrequentWordTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual TestStore Store => TestStore.Sqlite;

    private IFullTextEngine Engine(int frequentAtLeast) => Store == TestStore.Postgres
        ? new PostgresFullText(frequentAtLeast) : new SqliteFullText(frequentAtLeast);

    private readonly SearchCatalog _plainCatalog = new();
    private readonly SearchCatalog _frequentCatalog;

    public FrequentWordTests() => _frequentCatalog = new(engine: Engine(frequentAtLeast: 1));

    public void Dispose()
    {
        _plainCatalog.Dispose();
        _frequentCatalog.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<TestDatabase> ArchiveAsync()
    {
        var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        string[] texts =
        [
            "Fighting went on and the fighters fought", "They were fighting for the state", "Nobody was fighting any more",
            "The state failed them", "Synthetic fighting words", "Generous generals generated nothing",
        ];
        for (var i = 0; i < texts.Length; i++)
            data.Statements.Add($"test-{i + 10:D4},test-source,{i + 10},,{i + 10},test-speaker,quotation,en,{texts[i]},,,,,published");
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), Ct);
        // PostgreSQL chooses the words from ANALYZE's statistics, which the site takes after an import of 1,000 statements or more.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("""ANALYZE "StatementSearch";""", Ct);
        return database;
    }

    [Fact]
    public async Task SearchesThatUseTheKeptWordsFindWhatTheIndexFinds()
    {
        await using var database = await ArchiveAsync();
        var plain = new StatementSearch(new SearchIndex(Engine(FrequentTerms.AtLeast)), _plainCatalog);
        var frequent = new StatementSearch(new SearchIndex(Engine(frequentAtLeast: 1)), _frequentCatalog);

        await using (var db = database.CreateContext())
        {
            var snapshot = await _frequentCatalog.GetAsync(db, Ct);
            Assert.Contains("fight", snapshot.FrequentWords.Keys); // the stem, so "fighting" finds it
            Assert.DoesNotContain("fighting", snapshot.FrequentWords.Keys);
        }

        string[] searches =
        [
            "fighting", "fight", "FIGHTERS", "fighting state", "fighting -state", "-fighting", "fighting OR generals", "state fight*",
            "\"fighting words\" synthetic", "fighting -\"the state\"", "generous", "gener", "fighting nobody -more", "zzz", "fighting zzz",
        ];
        foreach (var q in searches)
        {
            await using var db = database.CreateContext();
            var expected = await plain.RunAsync(db, new SearchRequest(q, SearchFilters.None), Ct);
            var actual = await frequent.RunAsync(db, new SearchRequest(q, SearchFilters.None), Ct);
            Assert.True(expected.Total == actual.Total, $"{q}: {expected.Total} found by the index, {actual.Total} with the kept words");
            Assert.Equal(expected.Hits.Select(h => h.Card.PublicId), actual.Hits.Select(h => h.Card.PublicId));
        }
    }
}
