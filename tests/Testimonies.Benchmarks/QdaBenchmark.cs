using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.RefiQda;

namespace Testimonies.Benchmarks;

// REFI-QDA export benchmark: N synthetic statements (default 100,000) anchored in synthetic source texts and coded by three
// synthetic coders (SyntheticQdaArchive.cs), then the whole .qdpx written by the site's writer in a process of its own, so
// that its peak memory is the export's (plus the runtime's), not the generator's. Prints time, peak working set and GC figures.
// Usage: dotnet run -c Release --project tests/Testimonies.Benchmarks -- qda [--statements N] [--database kept.db]
internal static class QdaBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--statements");
        var statements = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 100_000;
        // --database path: generate into that file once and keep it, so that later runs time the export alone.
        var kept = Array.IndexOf(args, "--database") is var d and >= 0 && d + 1 < args.Length ? Path.GetFullPath(args[d + 1]) : null;
        var folder = kept is null ? Directory.CreateTempSubdirectory("testimonies-qda-bench-") : null;
        var database = kept ?? Path.Combine(folder!.FullName, "bench.db");
        Console.WriteLine($"Testimonies REFI-QDA export benchmark: {statements:N0} synthetic statements, {SyntheticQdaArchive.Coders} " +
            $"synthetic coders, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        if (!File.Exists(database))
        {
            var generate = Stopwatch.StartNew();
            int codings;
            await using (var db = Open(database))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                codings = await SyntheticQdaArchive.FillAsync(db, statements);
            }
            Console.WriteLine($"generated {codings:N0} codings in {generate.Elapsed.TotalSeconds:F1} s (not timed below)");
        }

        // The export in a fresh process: the generator's memory is not counted in its peak.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(QdaBenchmark).Assembly.Location);
        foreach (var arg in new[] { "qda-write", database }) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        folder?.Delete(recursive: true);
        if (child.ExitCode != 0) throw new InvalidOperationException($"the export process exited with {child.ExitCode}");
    }

    /// <summary>The child: writes the .qdpx of every published statement, then prints its figures and checks the file.</summary>
    public static async Task WriteAsync(string[] args)
    {
        var database = args[1];
        var output = Path.ChangeExtension(database, ".qdpx");
        await using (var warm = Open(database)) await warm.ReadVersionAsync(CancellationToken.None);
        var before = PeakWorkingSetMegabytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using (var db = Open(database))
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            var scope = new QdaScope("Synthetic benchmark project", "Every published statement of a synthetic archive.", null);
            await QdaProject.WriteAsync(db, file, scope, "https://synthetic.example", DateTimeOffset.UtcNow, CancellationToken.None);
        }
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peak = PeakWorkingSetMegabytes();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        // The machine is shared: the load average says how far the wall-clock time is the export's own.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"write the .qdpx: {clock.Elapsed.TotalSeconds:F1} s wall clock, {cpu.TotalSeconds:F1} s CPU, " +
            $"{new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB (load average {load} on {Environment.ProcessorCount} cores)");
        Console.WriteLine($"peak working set of the export process: {peak:F0} MB (before the export, runtime and store opened: " +
            $"{before:F0} MB); allocated during the export {allocated:F0} MB; GC heap after the last collection " +
            $"{info.HeapSizeBytes / 1024.0 / 1024.0:F0} MB; gen2 collections {GC.CollectionCount(2)}");

        // The file is what it should be: every statement a selection, every coding written (counted, streaming).
        using var zip = ZipFile.OpenRead(output);
        using var reader = XmlReader.Create(zip.GetEntry(QdaProject.ProjectEntry)!.Open());
        int selections = 0, codings = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "PlainTextSelection") selections++;
            else if (reader.LocalName == "Coding") codings++;
        }
        Console.WriteLine($"checked: {selections:N0} selections, {codings:N0} codings, {zip.Entries.Count - 1} source files");
    }

    private static ArchiveDbContext Open(string database) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={database}").Options);

    /// <summary>The process's peak resident set (VmHWM), which the kernel keeps for its whole life.</summary>
    private static double PeakWorkingSetMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
