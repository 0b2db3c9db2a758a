using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// A migrated store of its own: a SQLite file, or a database on the local PostgreSQL server (never EF
/// InMemory: it enforces no constraints).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("testimonies-db-");
    private readonly string? _postgres;

    private TestDatabase(TestStore store) => _postgres = store == TestStore.Postgres ? PostgresServer.CreateDatabase() : null;

    public string ConnectionString => _postgres ?? $"Data Source={Path.Combine(_folder.FullName, "archive.db")}";

    /// <summary>A context on this database; with <paramref name="log"/>, one that logs every command it sends.</summary>
    public ArchiveDbContext CreateContext(CommandLog? log = null) => _postgres is null
        ? new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(ConnectionString)
            .AddInterceptors(log is null ? [] : [log]).Options)
        : new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(_postgres)
            .AddInterceptors(log is null ? [] : [log]).Options);

    public static async Task<TestDatabase> CreateAsync(TestStore store = TestStore.Sqlite)
    {
        var database = new TestDatabase(store);
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
        if (_postgres is not null) PostgresServer.DropDatabase(_postgres);
        try { _folder.Delete(recursive: true); } catch (IOException) { /* harmless */ }
        return ValueTask.CompletedTask;
    }
}
