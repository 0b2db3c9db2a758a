using Microsoft.EntityFrameworkCore.Design;

namespace Testimonies.Web.Archive;

/// <summary>
/// Lets `dotnet ef migrations add …` (no --context) build the SQLite model: without a factory of its own, EF
/// took <see cref="PostgresArchiveDbContextDesignTimeFactory"/> for ArchiveDbContext too and wrote PostgreSQL's migration.
/// Adding a migration never opens the file.
/// </summary>
public sealed class ArchiveDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
