using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Infrastructure;

/// <summary>A migrated SQLite file of its own (never EF InMemory: it enforces no constraints).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("testimonies-db-");

    public string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "archive.db")}";

    public ArchiveDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(ConnectionString).Options);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public async Task<(int Reasons, int Sources, int Speakers, int Statements, int Findings)> CountsAsync()
    {
        await using var db = CreateContext();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Reasons.CountAsync(ct), await db.Sources.CountAsync(ct), await db.Speakers.CountAsync(ct),
            await db.Statements.CountAsync(ct), await db.Findings.CountAsync(ct));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* harmless */ }
        return ValueTask.CompletedTask;
    }
}
