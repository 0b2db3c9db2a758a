using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Search;

namespace Testimonies.Tests.Postgres;

// SearchIndexTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class SearchIndexTestsOnPostgres : SearchIndexTests
{
    protected override TestStore Store => TestStore.Postgres;

    // Regression: GIN's pending list (fastupdate, PostgreSQL's default) made every search scan an import's uncommitted
    // entries; the load-during-import benchmark's search p99 rose to 200–400 ms (docs/performance.md).
    [Fact]
    public async Task TheFullTextIndexesKeepNoPendingListForSearchesToScan()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var options = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ':' || coalesce(array_to_string(c.reloptions, ','), '') AS "Value" FROM pg_class c
            WHERE c.relname IN ('IX_StatementSearch_Stemmed', 'IX_StatementSearch_Exact') ORDER BY c.relname
            """).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["IX_StatementSearch_Exact:fastupdate=off", "IX_StatementSearch_Stemmed:fastupdate=off"], options);
    }
}
