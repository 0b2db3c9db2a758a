using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Testimonies.Web.Archive;

public static class ArchiveSetup
{
    public const string DefaultConnectionString = "Data Source=App_Data/testimonies.db";

    /// <summary>Registers the store of the configured provider; returns that provider, which search's engine follows.</summary>
    public static DatabaseProvider AddArchive(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Read now, not through IOptions: the engine decides which DbContext is registered (bound for IOptions in Settings).
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = configuration.GetConnectionString("Testimonies");
        var engine = database.Engine();
        // Pooled contexts: a request's context costs a reset, not a new service scope and options (a fifth of a search's
        // allocations). A pooled context comes back as new: EF resets its tracker, connection, transaction and command timeout.
        // A list in a query (ids.Contains(s.Id)) goes as one parameter (json_each on SQLite, an array on PostgreSQL), so its SQL
        // is generated once: as one parameter per value, EF built the SQL again for every page of ids (docs/performance.md).
        switch (engine)
        {
            case DatabaseProvider.Postgres:
                var postgres = PostgresConnectionString(configured);
                services.AddDbContextPool<ArchiveDbContext, PostgresArchiveDbContext>((provider, options) => options
                    .UseNpgsql(postgres, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(provider.GetRequiredService<ArchiveVersion.CommitWatcher>()));
                break;
            default:
                var sqlite = SqliteConnectionString(configured ?? DefaultConnectionString, environment.ContentRootPath);
                services.AddDbContextPool<ArchiveDbContext>((provider, options) => options
                    .UseSqlite(sqlite, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(provider.GetRequiredService<ArchiveVersion.CommitWatcher>()));
                break;
        }
        // The archive's version as this instance holds it, forgotten after every commit in this process (ArchiveVersion.cs).
        services.AddSingleton<ArchiveVersion>();
        services.AddSingleton<ArchiveVersion.CommitWatcher>();
        services.AddSingleton<SourceTextLayouts>();
        return engine;
    }

    /// <summary>PostgreSQL needs its server named: the SQLite default ("Data Source=…") is no use there.</summary>
    public static string PostgresConnectionString(string? configured)
    {
        const string Example = "Host=localhost;Database=testimonies;Username=testimonies";
        if (string.IsNullOrWhiteSpace(configured) || configured.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
            throw new ArchiveConfigurationException(
                $"Database:Provider is Postgres, so ConnectionStrings:Testimonies must name a PostgreSQL server, " +
                $"for example \"{Example}\".");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new ArchiveConfigurationException($"ConnectionStrings:Testimonies names no Host; for example \"{Example}\".");
            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new ArchiveConfigurationException($"ConnectionStrings:Testimonies is not a PostgreSQL connection string: {e.Message}", e);
        }
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var fullPath = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }
        return builder.ToString();
    }

    /// <summary>Where data/ is: the configured folder, data/ beside the app (publish output), or the repository's.</summary>
    public static string ResolveDataPath(ArchiveOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.DataPath))
            return Path.GetFullPath(options.DataPath, environment.ContentRootPath);
        foreach (var root in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var besideApp = Path.Combine(root, "data");
            if (Directory.Exists(besideApp)) return besideApp;
        }
        // Running from the source tree (dotnet run, tests): the folder beside Testimonies.sln.
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Testimonies.sln")))
                return Path.Combine(dir.FullName, "data");
        }
        return Path.Combine(environment.ContentRootPath, "data");
    }

    /// <summary>
    /// Holds the start-up lock until disposed. Instances starting together on one PostgreSQL database: one
    /// migrates and loads data/ while the others wait on this lock, then find both done. (EF's own migration
    /// lock did not stop two instances here from applying the same migration at once.) SQLite's file has one
    /// writer anyway, so there it holds nothing.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldStartupLockAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres) return NoLock.Instance;
        await CreatePostgresDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLock});", cancellationToken);
        return new PostgresLock(db);
    }

    /// <summary>
    /// Applies the engine's checked-in migrations; on SQLite, turns on WAL (stored in the file) so readers go on while an import writes.
    /// </summary>
    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // Only when there is something to apply: EF's migration lock writes, and would wait behind a running import (SQLite).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The one line start-up prints when the PostgreSQL server cannot be used, or null for any other failure.</summary>
    public static string? UnusableServer(Exception exception) =>
        // EF wraps some connection failures ("likely due to a transient failure"); the server's own words say more.
        (exception as NpgsqlException ?? exception.InnerException as NpgsqlException) is { } npgsql
            ? $"Could not use the PostgreSQL database named in ConnectionStrings:Testimonies: {npgsql.Message}"
            : null;

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class PostgresLock(ArchiveDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLock});", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The PostgreSQL advisory lock held while one instance migrates and loads (any fixed number of the app's own).</summary>
    private const long StartupLock = 20161125;

    /// <summary>Creates the database when the role may and it is missing; another instance may be creating it at the same moment.</summary>
    private static async Task CreatePostgresDatabaseIfMissingAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // made by the other instance first
        }
    }
}
