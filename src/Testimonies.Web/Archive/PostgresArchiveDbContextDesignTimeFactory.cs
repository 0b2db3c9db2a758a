using Microsoft.EntityFrameworkCore.Design;

namespace Testimonies.Web.Archive;

/// <summary>
/// Lets `dotnet ef migrations add … --context PostgresArchiveDbContext` build the model without a server:
/// adding a migration never connects.
/// </summary>
public sealed class PostgresArchiveDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresArchiveDbContext>
{
    public PostgresArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql("Host=localhost;Database=testimonies").Options);
}
