using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Archive;

/// <summary>Settings of the archive's store and data, bound from the "Archive" section.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Folder of curated data files; relative paths are resolved against the content root.
    /// Empty: data/ beside the published app, else the repository's data/ folder.</summary>
    public string? DataPath { get; set; }

    /// <summary>Load data/ into an empty store at start-up.</summary>
    public bool LoadDataWhenEmpty { get; set; } = true;
}

public static class ArchiveSetup
{
    public const string DefaultConnectionString = "Data Source=App_Data/testimonies.db";

    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<ArchiveOptions>(configuration.GetSection("Archive"));
        var connectionString = SqliteConnectionString(
            configuration.GetConnectionString("Testimonies") ?? DefaultConnectionString, environment.ContentRootPath);
        services.AddDbContext<ArchiveDbContext>(options => options.UseSqlite(connectionString));
        services.AddSingleton<Search.SearchCatalog>();
        return services;
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

    /// <summary>Migrates the store, turns on WAL, and loads data/ into an empty store.</summary>
    public static async Task InitializeArchiveAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Testimonies.Archive");

        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while an import writes; the setting is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        if (!options.LoadDataWhenEmpty) return;
        var dataPath = ResolveDataPath(options, app.Environment);
        var changes = await DataFolder.LoadIfEmptyAsync(db, dataPath, cancellationToken);
        if (changes is not null)
            logger.LogInformation("Loaded {DataPath} into the empty store: {Changes}", dataPath,
                string.Join(", ", changes.Select(c => $"{c.Created} {c.Table}")));
    }
}
