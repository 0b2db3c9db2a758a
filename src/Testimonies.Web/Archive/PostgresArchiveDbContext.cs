using Microsoft.EntityFrameworkCore.Design;

namespace Testimonies.Web.Archive;

/// <summary>
/// The archive's model on PostgreSQL. A type of its own only so that EF keeps PostgreSQL's migrations
/// (Archive/Migrations/Postgres) apart from SQLite's; the app asks for <see cref="ArchiveDbContext"/> everywhere.
/// </summary>
public sealed class PostgresArchiveDbContext(DbContextOptions<PostgresArchiveDbContext> options) : ArchiveDbContext(options);

/// <summary>
/// Lets `dotnet ef migrations add … --context PostgresArchiveDbContext` build the model without a server:
/// adding a migration never connects.
/// </summary>
public sealed class PostgresArchiveDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresArchiveDbContext>
{
    public PostgresArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql("Host=localhost;Database=testimonies").Options);
}
