using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Benchmarks;

// Search benchmark: N synthetic statements (default 100,000), loaded through the real import path,
// then a mix of searches timed in-process and over HTTP on loopback with 16 connections.
// Usage: dotnet run -c Release --project tests/Testimonies.Benchmarks -- [--statements N] [--iterations N] [--http-requests N]
// The import benchmark: dotnet run -c Release --project tests/Testimonies.Benchmarks -- import [--statements N] (ImportBenchmark.cs)
// The coding benchmark: dotnet run -c Release --project tests/Testimonies.Benchmarks -- coding [--statements N] (CodingBenchmark.cs)
internal static class SearchBenchmark
{
    private static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate")
        {
            // Writes the synthetic data files into a folder, for the load benchmark (tests/bench/load.sh).
            var outAt = Array.IndexOf(args, "--out");
            if (outAt < 0 || outAt + 1 >= args.Length) throw new ArgumentException("generate needs --out <folder>");
            Directory.CreateDirectory(args[outAt + 1]);
            // --first N numbers them from N + 1: an import of new statements into an archive generated before.
            foreach (var (name, content) in SyntheticArchive.Generate(Option("--statements", 100_000), first: Option("--first", 0)))
                await File.WriteAllBytesAsync(Path.Combine(args[outAt + 1], name), content);
            return;
        }
        if (args.Length > 0 && args[0] == "import")
        {
            await ImportBenchmark.RunAsync(args);
            return;
        }
        if (args.Length > 0 && args[0] == "coding")
        {
            await CodingBenchmark.RunAsync(args);
            return;
        }
        var statements = Option("--statements", 100_000);
        var iterations = Option("--iterations", 200);
        var httpRequests = Option("--http-requests", 4000);
        const int Connections = 16;

        var folder = Directory.CreateTempSubdirectory("testimonies-bench-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "bench.db")}";
        Console.WriteLine($"Testimonies search benchmark: {statements:N0} synthetic statements, "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");

        DbContextOptions<ArchiveDbContext> options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new ArchiveDbContext(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var files = SyntheticArchive.Generate(statements).Select(f => new ImportFile(f.Key, f.Value)).ToList();
        var load = Stopwatch.StartNew();
        await using (var db = new ArchiveDbContext(options))
        {
            await DataFolder.LoadAsync(db, SyntheticArchive.Index(db), files, CancellationToken.None);
        }
        load.Stop();
        Console.WriteLine($"load through the import path (parse, validate, insert, index): {load.Elapsed.TotalSeconds:F1} s");

        (string Name, string? Q, SearchFilters Filters, string Url)[] mix =
        [
            ("rare word", SyntheticArchive.RareWord, SearchFilters.None, $"/search?q={SyntheticArchive.RareWord}"),
            ("word in ~90%", SyntheticArchive.CommonWord, SearchFilters.None, $"/search?q={SyntheticArchive.CommonWord}"),
            ("phrase", $"\"{SyntheticArchive.Phrase}\"", SearchFilters.None,
                $"/search?q=%22{Uri.EscapeDataString(SyntheticArchive.Phrase)}%22"),
            ("prefix", "ko*", SearchFilters.None, "/search?q=ko*"),
            ("facet-filtered", SyntheticArchive.CommonWord,
                new SearchFilters([(Facets.Reason, ["synthetic-reason-3"]), (Facets.Nationality, ["Mockese"])]),
                $"/search?q={SyntheticArchive.CommonWord}&reason=synthetic-reason-3&nationality=Mockese"),
            ("browse (no words)", null, SearchFilters.None, "/search"),
        ];

        using var catalog = new SearchCatalog();
        var search = new StatementSearch(new SearchIndex(new SqliteFullText()), catalog);
        foreach (var cold in new[] { true, false })
        {
            Console.WriteLine();
            Console.WriteLine(cold
                ? $"In-process, first search of these words (remembered matches forgotten before each run; {iterations} runs each)"
                : $"In-process, words searched before (facet clicks and paging reuse them; {iterations} runs each)");
            Console.WriteLine($"{"query",-20} {"results",9} {"p50 ms",8} {"p99 ms",8}");
            var allInProcess = new List<double>();
            foreach (var (name, q, filters, _) in mix)
            {
                var times = new List<double>();
                var total = 0;
                for (var i = 0; i < iterations + 10; i++)
                {
                    if (cold) catalog.ForgetRememberedSearches();
                    var watch = Stopwatch.StartNew();
                    await using (var db = new ArchiveDbContext(options))
                    {
                        total = (await search.RunAsync(db, new SearchRequest(q, filters), CancellationToken.None)).Total;
                    }
                    watch.Stop();
                    if (i >= 10) times.Add(watch.Elapsed.TotalMilliseconds);
                }
                allInProcess.AddRange(times);
                Console.WriteLine($"{name,-20} {total,9:N0} {Percentile(times, 50),8:F2} {Percentile(times, 99),8:F2}");
            }
            Console.WriteLine($"{"all",-20} {"",9} {Percentile(allInProcess, 50),8:F2} "
                + $"{Percentile(allInProcess, 99),8:F2}   (target p99 < 20 ms)");
        }

        // Over HTTP: the real site on a loopback port, Production settings, request logging off.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Testimonies", connectionString);
            builder.UseSetting("Archive:LoadDataWhenEmpty", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Testimonies.Web"));
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections })
        {
            BaseAddress = new Uri(address)
        };
        foreach (var (_, _, _, url) in mix) (await client.GetAsync(url)).EnsureSuccessStatusCode(); // warm-up

        foreach (var cold in new[] { true, false })
        {
            var perQuery = mix.ToDictionary(m => m.Name, _ => new List<double>());
            var next = -1;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < httpRequests)
                {
                    var (name, q, _, url) = mix[n % mix.Length];
                    // Cold: a unique excluded word that no statement has makes every request's words new
                    // (same work, never remembered). Warm: the words repeat, as facet clicks and paging do.
                    // Browsing has no words, so nothing to remember either way.
                    if (cold && q is not null) url = url.Replace("q=", $"q=-zzunique{n}+", StringComparison.Ordinal);
                    var watch = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    response.EnsureSuccessStatusCode();
                    lock (perQuery) perQuery[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }));
            wall.Stop();

            Console.WriteLine();
            Console.WriteLine($"Over HTTP, {(cold ? "every request with new words" : "words repeated")} (GET /search on loopback, "
                + $"{Connections} concurrent connections, {httpRequests:N0} requests)");
            Console.WriteLine($"{"query",-20} {"p50 ms",8} {"p99 ms",8}");
            foreach (var (name, times) in perQuery)
                Console.WriteLine($"{name,-20} {Percentile(times, 50),8:F2} {Percentile(times, 99),8:F2}");
            var all = perQuery.Values.SelectMany(t => t).ToList();
            Console.WriteLine($"{"all",-20} {Percentile(all, 50),8:F2} {Percentile(all, 99),8:F2}   (target p99 < 50 ms)");
            Console.WriteLine($"throughput: {httpRequests / wall.Elapsed.TotalSeconds:F0} requests/s");
        }

        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return;

        static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Testimonies.sln"))) return dir.FullName;
            throw new InvalidOperationException("Run the benchmark from inside the repository.");
        }

        static double Percentile(List<double> values, double percentile)
        {
            var sorted = values.Order().ToList();
            var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
        }

        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length
                && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }
    }
}
