using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Agreement;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Benchmarks;

// Coding benchmark: N synthetic statements (default 100,000, loaded through the import path), coded by three synthetic
// coders (SyntheticCodings, inserted with one prepared SQL insert), then the time to compute every agreement figure:
// the report's query plus computation, and the computation alone from rows already read.
// Usage: dotnet run -c Release --project tests/Testimonies.Benchmarks -- coding [--statements N] [--runs N]
internal static class CodingBenchmark
{
    private const int Coders = 3, Reasons = 12;

    public static async Task RunAsync(string[] args)
    {
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        var statements = Option("--statements", 100_000);
        var runs = Option("--runs", 5);
        var folder = Directory.CreateTempSubdirectory("testimonies-coding-bench-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "bench.db")}";
        var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options;
        Console.WriteLine($"Testimonies coding benchmark: {statements:N0} synthetic statements, {Coders} synthetic coders, "
            + $"{Reasons} reasons, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var load = Stopwatch.StartNew();
        await using (var db = new ArchiveDbContext(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var files = SyntheticArchive.Generate(statements).Select(f => new ImportFile(f.Key, f.Value)).ToList();
            await DataFolder.LoadAsync(db, SyntheticArchive.Index(db), files, CancellationToken.None);
        }
        Console.WriteLine($"statements loaded (import path): {load.Elapsed.TotalSeconds:F1} s");

        var insert = Stopwatch.StartNew();
        var rows = await InsertCodingsAsync(connectionString, statements);
        Console.WriteLine($"codings inserted: {rows:N0} rows in {insert.Elapsed.TotalSeconds:F1} s");

        var withQuery = new List<double>();
        AgreementReport report = null!;
        for (var run = 0; run < runs; run++)
        {
            await using var db = new ArchiveDbContext(options);
            var watch = Stopwatch.StartNew();
            report = await AgreementReport.ComputeAsync(db, CancellationToken.None);
            withQuery.Add(watch.Elapsed.TotalMilliseconds);
        }

        List<AgreementReport.CodingRow> codingRows = null!;
        List<AgreementReport.ReasonName> reasonNames = null!;
        var queryOnly = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var db = new ArchiveDbContext(options);
            var watch = Stopwatch.StartNew();
            codingRows = await AgreementReport.ReadAsync(db, CancellationToken.None);
            queryOnly.Add(watch.Elapsed.TotalMilliseconds);
            reasonNames = await db.Reasons.AsNoTracking().OrderBy(r => r.Position)
                .Select(r => new AgreementReport.ReasonName(r.Id, r.Slug, r.Name)).ToListAsync();
        }
        var computeOnly = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            AgreementReport.Compute(codingRows, reasonNames, [new(1, new DateOnly(2026, 12, 1), null)]);
            computeOnly.Add(watch.Elapsed.TotalMilliseconds);
        }

        static string Times(List<double> ms) =>
            $"median {ms.Order().ElementAt(ms.Count / 2):F0} ms, best {ms.Min():F0} ms, first {ms[0]:F0} ms ({ms.Count} runs)";
        Console.WriteLine($"every agreement figure, query + computation: {Times(withQuery)}");
        Console.WriteLine($"  of which reading the codings (one query): {Times(queryOnly)}");
        Console.WriteLine($"every agreement figure, computation alone:   {Times(computeOnly)}");
        var version = report.Versions.Single();
        Console.WriteLine($"figures: {version.Reasons.Count} reasons + overall + pooled over {version.CodedByTwoOrMore:N0} statements; "
            + $"overall α = {AgreementReport.Format(version.Overall.Value)}, pooled α = {AgreementReport.Format(version.Pooled.Value)}, "
            + $"per reason α {AgreementReport.Format(version.Reasons.Min(r => r.Alpha.Value))}–"
            + $"{AgreementReport.Format(version.Reasons.Max(r => r.Alpha.Value))}");
        SqliteConnection.ClearAllPools();
        try { folder.Delete(recursive: true); } catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    /// <summary>
    /// The synthetic coders and their codings (one row a reason, or one "none applies" row) under codebook version 1, which the
    /// synthetic archive's import recorded.
    /// </summary>
    private static async Task<int> InsertCodingsAsync(string connectionString, int statements)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        async Task<List<long>> Ids(string sql)
        {
            var ids = new List<long>();
            await using var command = new SqliteCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
            return ids;
        }
        async Task Execute(string sql)
        {
            await using var command = new SqliteCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
        for (var c = 0; c < Coders; c++)
            await Execute($"INSERT INTO \"Coders\" (\"Key\", \"Label\") VALUES ('{SyntheticCodings.CoderKey(c)}', "
                + $"'{SyntheticCodings.CoderLabel(c)}')");
        var statementIds = await Ids("SELECT \"Id\" FROM \"Statements\" ORDER BY \"Id\"");
        var coderIds = await Ids("SELECT \"Id\" FROM \"Coders\" ORDER BY \"Id\"");
        var reasonIds = (await Ids("SELECT \"Id\" FROM \"Reasons\" ORDER BY \"Position\"")).Take(Reasons).ToList();

        await using var insert = new SqliteCommand("INSERT INTO \"Codings\" (\"StatementId\", \"CoderId\", \"ReasonId\", "
            + "\"CodebookVersion\", \"Origin\") VALUES ($statement, $coder, $reason, 1, 'benchmark')", connection, transaction);
        var statement = insert.Parameters.Add("$statement", SqliteType.Integer);
        var coder = insert.Parameters.Add("$coder", SqliteType.Integer);
        var reason = insert.Parameters.Add("$reason", SqliteType.Integer);
        insert.Prepare();
        var codings = SyntheticCodings.Generate(statementIds.Count, Coders, Reasons);
        var rows = 0;
        for (var c = 0; c < Coders; c++)
            for (var s = 0; s < statementIds.Count; s++)
            {
                statement.Value = statementIds[s];
                coder.Value = coderIds[c];
                foreach (var r in codings[c][s].Length == 0 ? [-1] : codings[c][s])
                {
                    reason.Value = r < 0 ? DBNull.Value : reasonIds[r];
                    await insert.ExecuteNonQueryAsync();
                    rows++;
                }
            }
        await transaction.CommitAsync();
        return rows;
    }
}
