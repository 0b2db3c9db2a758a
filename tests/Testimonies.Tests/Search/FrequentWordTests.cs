using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

/// <summary>
/// On SQLite the catalog keeps what the most frequent words match (SqliteFullText.FrequentWordsAsync); a search that takes a word's
/// statements from there must find exactly what FTS5 finds. Here every word counts as frequent, so every path is taken.
/// </summary>
public sealed class FrequentWordTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly SearchCatalog _plainCatalog = new();
    private readonly SearchCatalog _frequentCatalog = new(engine: new SqliteFullText(frequentAtLeast: 1));

    public void Dispose()
    {
        _plainCatalog.Dispose();
        _frequentCatalog.Dispose();
    }

    private static async Task<TestDatabase> ArchiveAsync()
    {
        var database = await TestDatabase.CreateAsync(TestStore.Sqlite);
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
        return database;
    }

    [Fact]
    public async Task SearchesThatUseTheKeptWordsFindWhatFts5Finds()
    {
        await using var database = await ArchiveAsync();
        var plain = new StatementSearch(new SearchIndex(new SqliteFullText()), _plainCatalog);
        var frequent = new StatementSearch(new SearchIndex(new SqliteFullText(frequentAtLeast: 1)), _frequentCatalog);

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
            Assert.True(expected.Total == actual.Total, $"{q}: {expected.Total} found by FTS5, {actual.Total} with the kept words");
            Assert.Equal(expected.Hits.Select(h => h.Card.PublicId), actual.Hits.Select(h => h.Card.PublicId));
        }
    }
}
