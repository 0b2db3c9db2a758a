namespace Testimonies.Web.Archive;

/// <summary>
/// The archive's model on PostgreSQL. A type of its own only so that EF keeps PostgreSQL's migrations
/// (Archive/Migrations/Postgres) apart from SQLite's; the app asks for <see cref="ArchiveDbContext"/> everywhere.
/// </summary>
public sealed class PostgresArchiveDbContext(DbContextOptions<PostgresArchiveDbContext> options) : ArchiveDbContext(options);
