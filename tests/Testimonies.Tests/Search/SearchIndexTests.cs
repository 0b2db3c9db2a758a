using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

/// <summary>The index follows every write made through the import, in the same transaction.</summary>
public class SearchIndexTests : IDisposable
{
    /// <summary>The engine these tests run on; a subclass runs them again on PostgreSQL (Postgres/OnPostgres.cs).</summary>
    protected virtual TestStore Store => TestStore.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One catalog for the whole test class instance, as the site has one: it must notice every import.</summary>
    private readonly SearchCatalog _catalog = new();

    private SearchIndex Index =>
        new(SearchSetup.EngineFor(Store == TestStore.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite));

    private StatementSearch Search => new(Index, _catalog);

    public void Dispose()
    {
        _catalog.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<List<string>> FindAsync(TestDatabase database, string q)
    {
        await using var db = database.CreateContext();
        var result = await Search.RunAsync(db, new SearchRequest(q, SearchFilters.None), Ct);
        return result.Hits.Select(h => h.Card.PublicId).ToList();
    }

    private static async Task LoadAsync(TestDatabase database, TestData data)
    {
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), Ct);
    }

    [Fact]
    public async Task ImportedStatementsAreFoundAndEditsAndWithdrawalsFollow()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await LoadAsync(database, data);
        Assert.Equal(["test-0001"], await FindAsync(database, "synthetic words"));

        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,Replacement wording entirely,,test-reason,,,published,"
            + "A test correction";
        await LoadAsync(database, data);
        Assert.Empty(await FindAsync(database, "\"synthetic words\""));
        Assert.Equal(["test-0001"], await FindAsync(database, "replacement"));

        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,Replacement wording entirely,,test-reason,,,withdrawn";
        await LoadAsync(database, data);
        Assert.Empty(await FindAsync(database, "replacement"));
    }

    [Fact]
    public async Task DraftsAreNeverFound()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.Statements[2] = "test-0002,test-source,2,,2,test-speaker,paraphrase,en,A hidden draft sentence.,,,,,draft";
        await LoadAsync(database, data);
        Assert.Empty(await FindAsync(database, "hidden"));
    }

    [Fact]
    public async Task RenamingAReasonReindexesItsStatements()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await LoadAsync(database, data);
        data.Reasons[1] = "test-reason,Renamed reason zebra,other,Code when the synthetic text says so.,,1";
        data.Codebook.Add("2,2020-06-01,Synthetic change: a reason renamed.");
        await LoadAsync(database, data);
        Assert.Equal(["test-0001"], await FindAsync(database, "zebra"));
    }

    [Fact]
    public async Task TheIndexCanBeRebuiltFromTheTables()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await LoadAsync(database, new TestData());
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? """DELETE FROM "StatementSearch";"""
                : $"DELETE FROM {SqliteFullText.Stemmed}; DELETE FROM {SqliteFullText.Exact};", Ct);
        }
        Assert.Empty(await FindAsync(database, "synthetic"));
        await using (var db = database.CreateContext()) await Index.RebuildAsync(db, Ct);
        Assert.Equal(["test-0001", "test-0002"], (await FindAsync(database, "synthetic")).Order());
    }

    [Fact]
    public async Task MarkupInAMatchedStatementIsEncodedAroundTheMark()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,"
            + $"{TestData.Cell("<script>alert(1)</script> zebra & <b>x</b>")},,,,,published";
        await LoadAsync(database, data);
        await using var db = database.CreateContext();
        var result = await Search.RunAsync(db, new SearchRequest("zebra", SearchFilters.None), Ct);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>zebra</mark> &amp; &lt;b&gt;x&lt;/b&gt;",
            Assert.Single(result.Hits).TextHtml);
    }

    [Fact]
    public async Task TooManyMatchesToRankAreListedInSourceOrderAndTheNoteSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.Statements.RemoveRange(1, data.Statements.Count - 1);
        // "zebra" in one more statement than can be ranked, "words" in as many as can.
        for (var i = 1; i <= StatementSearch.MaxRankedResults + 1; i++)
            data.Statements.Add($"gen-{i:D5},test-source,{i},,,test-speaker,quotation,en,"
                + $"Synthetic zebra {(i <= StatementSearch.MaxRankedResults ? "words" : "other")} {i},,,,,published");
        await LoadAsync(database, data);

        await using var db = database.CreateContext();
        var many = await Search.RunAsync(db, new SearchRequest("zebra", SearchFilters.None), Ct);
        Assert.Equal(StatementSearch.MaxRankedResults + 1, many.Total);
        Assert.Equal(SearchSort.Source, many.Sort);
        Assert.NotNull(many.RankingNote);
        Assert.Equal(["gen-00001", "gen-00002"], many.Hits.Take(2).Select(h => h.Card.PublicId));

        var few = await Search.RunAsync(db, new SearchRequest("\"words 42\"", SearchFilters.None), Ct);
        Assert.Equal(SearchSort.Relevance, few.Sort);
        Assert.Null(few.RankingNote);

        // An exclusion: the search matches few enough, but what is ranked (the words without it) is one too many, or just enough.
        var excluded = await Search.RunAsync(db, new SearchRequest("zebra -42", SearchFilters.None), Ct);
        Assert.Equal(StatementSearch.MaxRankedResults, excluded.Total);
        Assert.Equal(SearchSort.Source, excluded.Sort);
        Assert.NotNull(excluded.RankingNote);
        var bound = await Search.RunAsync(db, new SearchRequest("words -42", SearchFilters.None), Ct);
        Assert.Equal(StatementSearch.MaxRankedResults - 1, bound.Total);
        Assert.Equal(SearchSort.Relevance, bound.Sort);
        Assert.Null(bound.RankingNote);
    }

    /// <summary>
    /// PostgreSQL rebuilds from a tenth of the archive (a sync inserts each lexeme into GIN on its own), SQLite from half; neither
    /// for a small change. The load benchmark's import of 100,000 into 100,000 synced on PostgreSQL before.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 100_000, 200_000, false)]
    [InlineData(DatabaseProvider.Sqlite, 100_001, 200_001, true)]
    [InlineData(DatabaseProvider.Postgres, 100_000, 200_000, true)]
    [InlineData(DatabaseProvider.Postgres, 20_001, 200_000, true)]
    [InlineData(DatabaseProvider.Postgres, 19_999, 200_000, false)]
    [InlineData(DatabaseProvider.Postgres, 2_000, 2_000, false)]
    [InlineData(DatabaseProvider.Sqlite, 2_000, 2_000, false)]
    public void AnImportRebuildsTheIndexOnlyWhenItIsALargeShareOfIt(DatabaseProvider provider, int changed, long published,
        bool rebuilds) =>
        Assert.Equal(rebuilds, SearchIndex.RebuildsFor(SearchSetup.EngineFor(provider), changed, published));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void CsvCellsThatLookLikeFormulasAreNeutralised(string cell, string expected) =>
        Assert.Equal(expected, Testimonies.Web.Rendering.CsvCells.NeutraliseFormula(cell));
}
