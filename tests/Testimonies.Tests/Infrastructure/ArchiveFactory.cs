using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// The whole site in-process, on its own SQLite file in a temporary folder (or its own database on the
/// local PostgreSQL server), loaded from data/ (or from a folder of generated files). Runs as
/// Production, as the public sees it.
/// </summary>
public class ArchiveFactory(string? dataPath = null, TestStore store = TestStore.Sqlite) : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("testimonies-test-");
    private readonly string? _postgres = store == TestStore.Postgres ? PostgresServer.CreateDatabase() : null;

    public string DataPath { get; } = dataPath ?? RepositoryPaths.Data;
    public TestStore Store => store;

    /// <summary>The site's own PostgreSQL database, or null on SQLite.</summary>
    public string? PostgresConnectionString => _postgres;
    public string DatabasePath => Path.Combine(_folder.FullName, "archive.db");

    /// <summary>
    /// PBKDF2 iterations of the passwords this site hashes; null: the site's own (MaintainerSetup.PasswordHashIterations).
    /// Few by default: most tests log in once or more, and at the site's own cost the hashes were minutes of the suite's CPU.
    /// The tests about that cost keep the site's own: LoginTimingTests (what a login costs), CommandTests (create-admin's hash).
    /// </summary>
    public int? PasswordHashIterations { get; init; } = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (_postgres is null)
        {
            builder.UseSetting("ConnectionStrings:Testimonies", $"Data Source={DatabasePath}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Testimonies", _postgres);
        }
        builder.UseSetting("Archive:DataPath", DataPath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The assembly's shared test site serves every test class from one address: the site's limit of heavy exports a minute
        // (30) made a class's downloads answer 429 when others had just downloaded (ExportLimitTests set a limit of their own).
        builder.UseSetting("Exports:PerClientPerMinute", "100000");
        builder.UseSetting("Exports:QueueTotal", "1000");
        // Everything the site logs goes to standard error: standard output is xunit's channel to its runner.
        builder.UseSetting("Serilog:WriteTo:0:Args:configure:0:Args:standardErrorFromLevel", "Verbose");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(Today));
            if (PasswordHashIterations is { } iterations)
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = iterations);
        });
    }

    /// <summary>The day every test site believes it is, so that citations' access dates can be asserted.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Starts at noon on <see cref="Today"/> and then runs at the real pace: the date stays fixed for a
    /// test run, while sessions, lockouts and security-stamp checks still see time pass.
    /// </summary>
    private sealed class FixedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        if (_postgres is not null) PostgresServer.DropDatabase(_postgres);
        try { _folder.Delete(recursive: true); } catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}
