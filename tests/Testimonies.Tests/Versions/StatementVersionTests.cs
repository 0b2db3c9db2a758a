using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Versions;

/// <summary>Which changes make a citable version: computed on snapshots, then through the import on a real store.</summary>
public class StatementVersionTests
{
    /// <summary>The engine of the import tests; a subclass runs them again on PostgreSQL.</summary>
    protected virtual TestStore Store => TestStore.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Statement Synthetic() => new()
    {
        Id = 7, PublicId = "synthetic-7", Text = "Synthetic statement 7: words as first printed", Kind = StatementKind.Quotation,
        Speaker = new Speaker { Key = "synthetic-speaker", Description = "a synthetic speaker" },
        Source = new Source { Key = "synthetic-source", Title = "Synthetic Source", Publisher = "Synthetic Publisher" },
        Position = 3, Section = "Synthetic section", Footnote = "12", TextVersion = 1, AnchorStart = 10, AnchorEnd = 55,
    };

    private static List<string> FieldsChangedBy(Action<Statement> change)
    {
        var statement = Synthetic();
        var before = StatementVersions.Snapshot(statement, DateTimeOffset.UnixEpoch, "synthetic-coder-2", "test");
        change(statement);
        var after = StatementVersions.Snapshot(statement, DateTimeOffset.UnixEpoch, "synthetic-coder-2", "test");
        return StatementVersions.Differences(before, after).Select(d => d.Field).ToList();
    }

    [Fact]
    public void TheWordsTheAttributionAndTheLocatorMakeAVersion()
    {
        Assert.Equal(["words"], FieldsChangedBy(s => s.Text = "Synthetic statement 7: words as corrected"));
        Assert.Equal(["kind"], FieldsChangedBy(s => s.Kind = StatementKind.Paraphrase));
        Assert.Equal(["speaker"], FieldsChangedBy(s => s.Speaker = new Speaker { Key = "other", Description = "another speaker" }));
        Assert.Equal(["speaker"], FieldsChangedBy(s => s.Speaker.Name = "A Synthetic Name"));
        Assert.Equal(["source"], FieldsChangedBy(s => s.Source = new Source { Key = "other", Title = "O", Publisher = "P" }));
        Assert.Equal(["section"], FieldsChangedBy(s => s.Section = null));
        Assert.Equal(["footnote marker"], FieldsChangedBy(s => s.Footnote = "13"));
        Assert.Equal(["place in the source's order"], FieldsChangedBy(s => s.Position = 4));
        Assert.Equal(["where the words stand in the source's text"], FieldsChangedBy(s => s.AnchorEnd = 56));
        Assert.Equal(["version of the source's text", "where the words stand in the source's text"],
            FieldsChangedBy(s => (s.TextVersion, s.AnchorStart) = (2, 11)));
        Assert.Equal(["when said"], FieldsChangedBy(s => s.SaidWhen = "early 2014"));
    }

    [Fact]
    public void ReasonsCodingsNotesAndStatusMakeNoVersion()
    {
        Assert.Empty(FieldsChangedBy(s =>
        {
            s.Context = "Synthetic context.";
            s.ContentNote = "Synthetic content note.";
            s.Reasons.Add(new Reason { Slug = "synthetic-reason", Name = "Synthetic reason", Definition = "Synthetic." });
            s.Status = PublicationStatus.Withdrawn;
            s.Provenance = Provenance.ToldToAuthor;
        }));
    }

    // ---------------------------------------------------------------- through the import

    private static List<ImportFile> Files(TestData data) => data.Files().Select(f => new ImportFile(f.Key, f.Value)).ToList();

    private static async Task<List<StatementVersion>> VersionsAsync(TestDatabase database, string id)
    {
        await using var db = database.CreateContext();
        return await db.StatementVersions.Where(v => v.Statement.PublicId == id).OrderBy(v => v.Number).ToListAsync(Ct);
    }

    private async Task<(TestDatabase Database, TestData Data)> LoadedAsync()
    {
        var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), Files(data), Ct);
        return (database, data);
    }

    private static async Task ReloadAsync(TestDatabase database, TestData data)
    {
        await using var db = database.CreateContext();
        await DataFolder.LoadAsync(db, TestIndex.For(db), Files(data), Ct);
    }

    [Fact]
    public async Task TheLoadGivesEveryStatementItsVersionOne()
    {
        var (database, _) = await LoadedAsync();
        await using var _database = database;
        var version = Assert.Single(await VersionsAsync(database, "test-0001"));
        Assert.Equal((1, "Synthetic words number one", "test-speaker", "test-source", "1", "load"),
            (version.Number, version.Text, version.SpeakerKey, version.SourceKey, version.Footnote, version.Origin));
        await using var db = database.CreateContext();
        var created = await db.Revisions.SingleAsync(r => r.Statement.PublicId == "test-0001", Ct);
        Assert.Equal(created.Id, version.RevisionId);
        Assert.Equal(created.At, version.At);
        Assert.Single(await VersionsAsync(database, "test-0002"));
    }

    [Fact]
    public async Task AnImportThatCorrectsTheWordsMakesVersionTwoAndKeepsVersionOne()
    {
        var (database, data) = await LoadedAsync();
        await using var _database = database;
        data.Statements[1] = data.Statements[1].Replace("Synthetic words number one", "Synthetic words number won",
            StringComparison.Ordinal) + ",Synthetic correction note";
        await ReloadAsync(database, data);

        var versions = await VersionsAsync(database, "test-0001");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Synthetic words number one", versions[0].Text);
        Assert.Equal("Synthetic words number won", versions[1].Text);
        Assert.Equal("Synthetic correction note", versions[1].Note);
        await using var db = database.CreateContext();
        Assert.Equal((await db.Revisions.Where(r => r.Statement.PublicId == "test-0001").MaxAsync(r => r.Id, Ct)), versions[1].RevisionId);
        Assert.Single(await VersionsAsync(database, "test-0002"));

        await ReloadAsync(database, data); // the same files again: nothing changes, no version
        Assert.Equal(2, (await VersionsAsync(database, "test-0001")).Count);
    }

    [Fact]
    public async Task AnImportThatChangesOnlyReasonsOrNotesMakesNoVersion()
    {
        var (database, data) = await LoadedAsync();
        await using var _database = database;
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,Synthetic words number one,,other-reason,"
            + "Synthetic context,Synthetic content note,published";
        await ReloadAsync(database, data);

        await using (var db = database.CreateContext())
            Assert.Equal(2, await db.Revisions.CountAsync(r => r.Statement.PublicId == "test-0001", Ct)); // the change was made
        Assert.Single(await VersionsAsync(database, "test-0001"));
    }

    [Fact]
    public async Task AnImportThatMovesTheLocatorMakesAVersion()
    {
        var (database, data) = await LoadedAsync();
        await using var _database = database;
        data.Statements[1] = "test-0001,test-source,1,Synthetic section,5,test-speaker,quotation,en,Synthetic words number one,,"
            + "test-reason,,,published";
        await ReloadAsync(database, data);

        var versions = await VersionsAsync(database, "test-0001");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["section", "footnote marker"], StatementVersions.Differences(versions[0], versions[1]).Select(d => d.Field));
        Assert.Null(versions[1].Note);
    }

    [Fact]
    public async Task TheMigrationGivesAStoreThatHadNoVersionsEachStatementsPresentStateAsVersionOne()
    {
        var (database, data) = await LoadedAsync();
        await using var _database = database;
        data.Statements[1] = data.Statements[1].Replace("Synthetic words number one", "Synthetic words number won",
            StringComparison.Ordinal) + ",Synthetic correction note";
        await ReloadAsync(database, data);
        await using (var db = database.CreateContext())
        {
            // Back to the store before versions (the migration's Down drops them), then up again: the migration fills them in.
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.Contains("_StatementVersions", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, Ct);
            await migrator.MigrateAsync(null, Ct);
        }
        var version = Assert.Single(await VersionsAsync(database, "test-0001"));
        // Its present words (what was cited before cannot be told fully, so no older version is made up), and who and how of the
        // first revision, whose date it has.
        Assert.Equal((1, "Synthetic words number won", "load"), (version.Number, version.Text, version.Origin));
        await using (var db = database.CreateContext())
        {
            var revisions = await db.Revisions.Where(r => r.Statement.PublicId == "test-0001").OrderBy(r => r.Id).ToListAsync(Ct);
            Assert.Equal(revisions[0].At, version.At); // dated when the statement entered the archive
            Assert.Equal(revisions[^1].Id, version.RevisionId); // made by the last change, after which it stood so
            Assert.Null(version.Note);
            Assert.Equal(await db.Statements.CountAsync(Ct), await db.StatementVersions.CountAsync(Ct));
        }
    }
}
