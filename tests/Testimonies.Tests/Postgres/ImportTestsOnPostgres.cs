using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Postgres;

// ImportTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class ImportTestsOnPostgres : ImportTests
{
    protected override TestStore Store => TestStore.Postgres;

    // Regression: the commands after the COPY were planned from statistics that did not count the copied rows (an autovacuum
    // during a preview had found the tables' pages empty); nested loops over whole scans held one benchmark's apply of 100,000
    // statements for over 15 minutes (docs/performance.md). A large import analyzes what it copied before it reads it again.
    [Fact]
    public async Task ALargeImportAnalyzesTheTablesItCopiedIntoBeforeItReadsThemAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.AddStatements(3, StatementInserts.AnalyzeFrom);
        var problems = new ImportProblems();
        var set = ImportSet.Parse(data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), problems);
        Assert.Empty(problems);
        var log = new CommandLog();
        await using (var db = database.CreateContext(log))
        {
            await db.Database.MigrateAsync(ct);
            log.Reset();
            var outcome = await ArchiveImport.ApplyAsync(db, TestIndex.For(db), set,
                new ImportActor("test", "test", DateTimeOffset.UtcNow), ct);
            Assert.Equal(StatementInserts.AnalyzeFrom + 2, outcome.Tables.Single(t => t.Table == "statements").Created);
        }
        var commands = log.Commands;
        var analyze = commands.FindIndex(c => c.StartsWith("ANALYZE ", StringComparison.Ordinal) && c.Contains("\"Statements\"")
            && c.Contains("\"StatementReasons\"") && c.Contains("\"Revisions\"") && c.Contains("\"Speakers\""));
        var firstVersions = commands.FindIndex(c => c.StartsWith("INSERT INTO \"StatementVersions\"", StringComparison.Ordinal));
        Assert.True(analyze >= 0 && analyze < firstVersions, string.Join(" | ", commands));
    }
}
