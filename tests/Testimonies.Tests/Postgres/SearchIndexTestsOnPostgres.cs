using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;
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

    /// <summary>The index table's indexes and their options, its key and any foreign key, as one list of names.</summary>
    private static Task<List<string>> IndexTableAsync(Testimonies.Web.Archive.ArchiveDbContext db) =>
        db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ':' || coalesce(array_to_string(c.reloptions, ','), '') AS "Value" FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '"StatementSearch"'::regclass
            UNION ALL SELECT conname || ':' || contype::text FROM pg_constraint WHERE conrelid = '"StatementSearch"'::regclass
            ORDER BY 1
            """).ToListAsync(TestContext.Current.CancellationToken);

    // A rebuild builds a new table and puts it in place of the old one (docs/performance.md, "On PostgreSQL"): the new one must
    // be the old one in all but its rows, and hold no foreign key, whose drop would lock "Statements" against every reader.
    [Fact]
    public async Task ARebuildPutsAnIndexTableLikeTheOldInItsPlaceWithoutAForeignKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), new TestData().Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), ct);
        List<string> expected =
        [
            "IX_StatementSearch_Exact:fastupdate=off", "IX_StatementSearch_Stemmed:fastupdate=off", "StatementSearch_pkey:",
            "StatementSearch_pkey:p",
        ];
        Assert.Equal(expected, await IndexTableAsync(db));
        var before = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "StatementSearch" """).SingleAsync(ct);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await TestIndex.For(db).RebuildAsync(db, ct);
            await transaction.RollbackAsync(ct);
        }
        Assert.Equal(expected, await IndexTableAsync(db));
        await TestIndex.For(db).RebuildAsync(db, ct); // outside a transaction: one of its own
        Assert.Equal(expected, await IndexTableAsync(db));
        Assert.Equal(before, await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "StatementSearch" """).SingleAsync(ct));
        var (count, _) = await TestIndex.For(db).Engine.OutOfStepAsync(await Testimonies.Web.Archive.SqlCommands.OpenAsync(db, ct), 10, ct);
        Assert.Equal(0, count);
    }

    // The reasons field lists a statement's reasons in the order of their ids; before, in the order the plan read them, so that a
    // row written under one plan was out of step under another. The migration writes again the rows that could differ.
    [Fact]
    public async Task TheMigrationToReasonsInOrderWritesAgainARowWhoseReasonsStoodInAnotherOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quotation,en,Synthetic words number three,,other-reason;test-reason,,,"
            + "published");
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), ct);
        var connection = await Testimonies.Web.Archive.SqlCommands.OpenAsync(db, ct);
        Assert.Equal(0, (await TestIndex.For(db).Engine.OutOfStepAsync(connection, 10, ct)).Count);

        // The row as a plan reading the reasons the other way round wrote it.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "StatementSearch" search SET "Stemmed" = setweight(to_tsvector('testimonies_stemmed', s."Text"), 'A')
                || setweight(to_tsvector('testimonies_stemmed', coalesce(s."Context", '')), 'B')
                || setweight(to_tsvector('testimonies_stemmed', concat_ws(' ', sp."Name", sp."Description", sp."Nationality")), 'C')
                || setweight(to_tsvector('testimonies_stemmed', (SELECT string_agg(r."Name", '; ' ORDER BY r."Id" DESC)
                   FROM "StatementReasons" sr JOIN "Reasons" r ON r."Id" = sr."ReasonsId" WHERE sr."StatementsId" = s."Id")), 'D')
            FROM "Statements" s JOIN "Speakers" sp ON sp."Id" = s."SpeakerId"
            WHERE s."PublicId" = 'test-0003' AND search."StatementId" = s."Id";
            """, ct);
        Assert.Equal(1, (await TestIndex.For(db).Engine.OutOfStepAsync(connection, 10, ct)).Count);

        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("20261204132529_SearchIndexWithoutForeignKeyPostgres", cancellationToken: ct);
        await migrator.MigrateAsync(cancellationToken: ct);
        Assert.Equal(0, (await TestIndex.For(db).Engine.OutOfStepAsync(connection, 10, ct)).Count);
    }

    /// <summary>
    /// Statements whose index rows differ from the vectors of each field computed for each statement, as the index first wrote
    /// them (a frozen copy of that SQL): a speaker's and a reasons list's vectors are now computed once for all their
    /// statements, and must come out the same, or `verify` would find every row written before out of step.
    /// </summary>
    private static Task<List<string>> RowsUnlikeFieldByFieldAsync(Testimonies.Web.Archive.ArchiveDbContext db)
    {
        const string Reasons = """
            coalesce((SELECT string_agg(r."Name", '; ' ORDER BY r."Id") FROM "StatementReasons" sr
                JOIN "Reasons" r ON r."Id" = sr."ReasonsId" WHERE sr."StatementsId" = s."Id"), '')
            """;
        static string Vector(string configuration, bool weighted)
        {
            string Field(string sql, char weight) => weighted
                ? $"setweight(to_tsvector('{configuration}', {sql}), '{weight}')"
                : $"to_tsvector('{configuration}', {sql})";
            return string.Join(" || ", Field("""s."Text" """, 'A'), Field("""coalesce(s."Context", '')""", 'B'),
                Field("""concat_ws(' ', sp."Name", sp."Description", sp."Nationality")""", 'C'),
                Field(Reasons, 'D'));
        }
        var fieldByField = $"""
            SELECT s."Id", {Vector("testimonies_stemmed", weighted: true)}, {Vector("testimonies_exact", weighted: false)}
            FROM "Statements" s JOIN "Speakers" sp ON sp."Id" = s."SpeakerId" WHERE s."Status" = 'Published'
            """;
        var sql = $"""
            SELECT s."PublicId" AS "Value" FROM "Statements" s WHERE s."Id" IN (
                SELECT "StatementId" FROM (SELECT * FROM "StatementSearch" EXCEPT {fieldByField}) stored
                UNION SELECT "Id" FROM ({fieldByField} EXCEPT SELECT * FROM "StatementSearch") computed)
            ORDER BY 1
            """;
        return db.Database.SqlQueryRaw<string>(sql).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EachIndexRowHoldsTheVectorsOfItsStatementsFieldsWhetherSyncedOrRebuilt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.Speakers.Add("named-speaker,Abu Test,a named synthetic speaker,Testland,fighter,no,");
        data.Statements.Add("test-0003,test-source,3,,3,named-speaker,quotation,en,Synthetic café words; a self-made naïve one,,"
            + "other-reason;test-reason,Synthetic context of the words,,published");
        data.Statements.Add("test-0004,test-source,4,,4,named-speaker,quotation,en,Synthetic words without reasons,,,,,published");
        data.Statements.Add("test-0005,test-source,5,,5,test-speaker,quotation,en,Synthetic words held back,,test-reason,,,draft");
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), ct);
        Assert.Equal(4, await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "StatementSearch" """).SingleAsync(ct));
        Assert.Empty(await RowsUnlikeFieldByFieldAsync(db)); // synced: four statements are far below a rebuild

        await TestIndex.For(db).RebuildAsync(db, ct);
        Assert.Empty(await RowsUnlikeFieldByFieldAsync(db));

        // The check itself tells a row apart: one without its speaker's words.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "StatementSearch" SET "Exact" = to_tsvector('testimonies_exact', 'Synthetic words without reasons')
            WHERE "StatementId" = (SELECT "Id" FROM "Statements" WHERE "PublicId" = 'test-0004');
            """, ct);
        Assert.Equal(["test-0004"], await RowsUnlikeFieldByFieldAsync(db));
    }

    // Words of ASCII letters skip unaccent, which has no rule for them (migration AsciiWordsWithoutUnaccentPostgres): every
    // vector and query must come out as under the configurations the index was first built with, unaccent before every word.
    [Fact]
    public async Task WordsOfAsciiLettersMakeTheSameVectorsAndQueriesWithoutUnaccent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(ct);
        const string tokens = "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TEXT SEARCH CONFIGURATION first_stemmed (COPY = testimonies_stemmed);
            ALTER TEXT SEARCH CONFIGURATION first_stemmed ALTER MAPPING FOR {tokens} WITH unaccent, testimonies_english_stem;
            CREATE TEXT SEARCH CONFIGURATION first_exact (COPY = testimonies_exact);
            ALTER TEXT SEARCH CONFIGURATION first_exact ALTER MAPPING FOR {tokens} WITH unaccent, simple;
            """, ct);
        string[] texts =
        [
            "Fighting ISIS, they said: the fighters fought on.", "A self-made man; well-known", "café naïve Ærø Straße",
            "naïve-minded self-naïve x2-ray 3rd abc123 déjà-vu2", "THE Émir’s men weren't paid", "", "   ",
        ];
        var unlike = await db.Database.SqlQuery<string>($"""
            SELECT t AS "Value" FROM unnest({texts}::text[]) t
            WHERE to_tsvector('testimonies_stemmed', t) IS DISTINCT FROM to_tsvector('first_stemmed', t)
               OR to_tsvector('testimonies_exact', t) IS DISTINCT FROM to_tsvector('first_exact', t)
               OR plainto_tsquery('testimonies_stemmed', t)::text IS DISTINCT FROM plainto_tsquery('first_stemmed', t)::text
               OR plainto_tsquery('testimonies_exact', t)::text IS DISTINCT FROM plainto_tsquery('first_exact', t)::text
            """).ToListAsync(ct);
        Assert.Empty(unlike);
        var folded = await db.Database.SqlQuery<string>($"""SELECT to_tsvector('testimonies_exact', 'Café')::text AS "Value" """)
            .SingleAsync(ct);
        Assert.Equal("'cafe':1", folded); // accents are still folded
        var asked = await db.Database.SqlQuery<string>($"""
            SELECT string_agg(mapping, ' ' ORDER BY mapping) AS "Value" FROM (SELECT DISTINCT
                alias || ':' || array_to_string(dictionaries, '+') AS mapping
                FROM ts_debug('testimonies_stemmed', 'fighters café self-made') WHERE alias <> 'blank') mappings
            """).SingleAsync(ct);
        Assert.Equal("asciihword:testimonies_english_stem asciiword:testimonies_english_stem "
            + "hword_asciipart:testimonies_english_stem word:unaccent+testimonies_english_stem", asked);
        await transaction.RollbackAsync(ct);
    }

    // Regression: a rebuild's swap locks the index table against searches until the commit, and the import saved its record
    // (the files, their whole text) and ANALYZEd the table after the swap: searches waited 1.2–1.9 s after each large import
    // in the load benchmark (docs/performance.md). Nothing but the swap's renames may come between the drop and the commit.
    [Fact]
    public async Task AnImportThatRebuildsTheIndexSwapsItLastBeforeItsCommit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using (var db = database.CreateContext())
            await DataFolder.LoadAsync(db, TestIndex.For(db), data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList(), ct);

        // A speaker described anew is in every one of their statements' index rows: the import rebuilds the whole index.
        data.Speakers[1] = "test-speaker,,a synthetic test speaker described anew,Testland,fighter,no,";
        var files = data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList();
        var problems = new ImportProblems();
        var set = ImportSet.Parse(files, problems);
        Assert.Empty(problems);
        var log = new CommandLog();
        await using (var db = database.CreateContext(log))
        {
            var record = new ImportRecord
            {
                FileNames = "speakers.csv", Sha256 = "test", UploadedBy = "test", UploadedAt = DateTimeOffset.UtcNow,
                Files = [.. files.Select(f => new ImportFileContent { FileName = f.Name, Content = f.Content })],
            };
            var outcome = await ArchiveImport.ApplyAsync(db, TestIndex.For(db), set,
                new ImportActor("test", "test", DateTimeOffset.UtcNow), ct, record);
            Assert.Equal(1, outcome.Tables.Single(t => t.Table == "speakers").Updated);
        }
        var drop = log.Commands.FindIndex(c => c.StartsWith("DROP TABLE \"StatementSearch\"", StringComparison.Ordinal));
        Assert.True(drop >= 0, string.Join(" | ", log.Commands));
        Assert.All(log.Commands.Skip(drop + 1), c => Assert.StartsWith("ALTER ", c, StringComparison.Ordinal));
        await using (var db = database.CreateContext())
            Assert.Equal(1, await db.Imports.CountAsync(ct));
    }
}
