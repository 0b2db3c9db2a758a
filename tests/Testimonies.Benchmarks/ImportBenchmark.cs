using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Benchmarks;

// Import benchmark: a generated CSV set (synthetic statements, never real testimony; default 100,000 rows)
// imported into an empty store through the maintainers' path: parse + validate, preview (a dry run rolled
// back), then apply (one transaction, search index included). Prints time and peak memory of each phase.
// Usage: dotnet run -c Release --project tests/Testimonies.Benchmarks -- import [--statements N] [--postgres <connection string>]
// (--postgres: an empty database on a PostgreSQL server, which the benchmark migrates and fills; SQLite otherwise).
internal static class ImportBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--statements");
        var statements = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("testimonies-import-bench-");
        var postgresAt = Array.IndexOf(args, "--postgres");
        Func<ArchiveDbContext> open;
        if (postgresAt >= 0 && postgresAt + 1 < args.Length)
        {
            var postgres = new DbContextOptionsBuilder<PostgresArchiveDbContext>()
                .UseNpgsql(args[postgresAt + 1], npgsql => npgsql.CommandTimeout(600)).Options;
            open = () => new PostgresArchiveDbContext(postgres);
        }
        else
        {
            var sqlite = new DbContextOptionsBuilder<ArchiveDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder.FullName, "bench.db")}").Options;
            open = () => new ArchiveDbContext(sqlite);
        }
        await using (var db = open())
        {
            await db.Database.MigrateAsync();
            if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var files = SyntheticArchive.Generate(statements).Select(f => new ImportFile(f.Key, f.Value)).ToList();
        var megabytes = files.Sum(f => f.Content.Length) / 1024.0 / 1024.0;
        await using (var engine = open())
            Console.Write(engine.IsPostgres ? "PostgreSQL: " : "SQLite: ");
        Console.WriteLine($"Testimonies import benchmark: {statements:N0} synthetic statements ({megabytes:F1} MB of CSV), "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"{"phase",-28} {"seconds",8} {"peak MB",8} {"allocated MB",13}");
        GC.Collect();
        var actor = new ImportActor("benchmark", "benchmark", DateTimeOffset.UtcNow);

        ImportSet set = null!;
        await PhaseAsync("parse + validate", async () =>
        {
            var problems = new ImportProblems();
            set = ImportSet.Parse(files, problems);
            await using var db = open();
            await ArchiveImport.ValidateAsync(db, set, problems, CancellationToken.None);
            if (problems.Count > 0) throw new InvalidOperationException(problems[0].ToString());
        });
        ImportOutcome preview = null!;
        await PhaseAsync("preview (rolled back)", async () =>
        {
            await using var db = open();
            preview = await ArchiveImport.PreviewAsync(db, SyntheticArchive.Index(db), set, actor, CancellationToken.None);
        });
        ImportOutcome applied = null!;
        await PhaseAsync("apply (one transaction)", async () =>
        {
            await using var db = open();
            applied = await ArchiveImport.ApplyAsync(db, SyntheticArchive.Index(db), set, actor, CancellationToken.None);
        });
        await PhaseAsync("  of which: search index", async () =>
        {
            // The apply above rebuilt the index inside its transaction; this times that rebuild alone.
            await using var db = open();
            await SyntheticArchive.Index(db).RebuildAsync(db, CancellationToken.None);
        });
        await PhaseAsync("re-import (changes nothing)", async () =>
        {
            await using var db = open();
            var again = await ArchiveImport.ApplyAsync(db, SyntheticArchive.Index(db), set, actor, CancellationToken.None);
            if (!again.ChangesNothing) throw new InvalidOperationException("re-import changed something: " + again.Summary);
        });
        Console.WriteLine($"preview said: {preview.Summary}");
        Console.WriteLine($"apply did:    {applied.Summary}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    /// <summary>Peak memory is the process's peak working set, reset before each phase so that each reports its own.</summary>
    private static async Task PhaseAsync(string name, Func<Task> phase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await phase();
        watch.Stop();
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
        Console.WriteLine($"{name,-28} {watch.Elapsed.TotalSeconds,8:F2} {PeakMegabytes(),8:F0} {allocatedMb,13:F0}");
    }

    // Linux: writing 5 to /proc/self/clear_refs resets VmHWM, the peak resident set size.
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static double PeakMegabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
