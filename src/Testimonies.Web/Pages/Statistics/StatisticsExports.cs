using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Testimonies.Web.Agreement;

namespace Testimonies.Web.Pages.Statistics;

/// <summary>/statistics.json and /statistics.csv: the statistics page as data (Datasette's rule: every view is also data).</summary>
public static class StatisticsExports
{
    public static readonly string[] CsvColumns = ["measure", "reason", "theme", "nationality", "source", "count"];

    public static IEndpointRouteBuilder MapStatisticsExports(this IEndpointRouteBuilder app)
    {
        app.MapRead("/statistics.json", async (ArchiveDbContext db, CancellationToken ct) =>
        {
            var stats = await ArchiveStatistics.ComputeAsync(db, ct);
            var agreement = await AgreementReport.ComputeAsync(db, ct);
            var json = new
            {
                note = "archive_counts are counts of this archive's published statements; " +
                    "published_findings are the sources' own figures about their own datasets. " +
                    "They are not comparable and are never combined.",
                codebook_version = stats.Codebook is { } codebook
                    ? new { number = codebook.Number, dated = codebook.Dated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                    : null,
                coded_under = stats.CodedUnder.Select(c => new { codebook_version = c.Version, statements = c.Statements }),
                archive_counts = new
                {
                    statements = stats.Statements,
                    speakers = stats.Speakers,
                    reasons = stats.Reasons.Select(r => new
                    {
                        slug = r.Slug, name = r.Name, theme = r.Theme.Slug(), statements = r.Statements, speakers = r.Speakers,
                        by_nationality = stats.Nationalities.Zip(r.ByNationality).ToDictionary(p => p.First, p => p.Second),
                        by_source = stats.Sources.Zip(r.BySource).ToDictionary(p => p.First, p => p.Second),
                    }),
                    themes = stats.Themes.Select(t => new
                    {
                        theme = t.Theme.Slug(), name = t.Theme.Name(), statements = t.Statements, speakers = t.Speakers
                    }),
                },
                published_findings = stats.Findings.Select(f => new
                {
                    key = f.Key, figure = f.Figure, percent = f.Percent, percent_qualifier = f.PercentQualifier,
                    percent_label = f.PercentLabel, dataset = f.Dataset, dataset_size = f.DatasetSize,
                    wording = f.Wording, source = f.SourceKey, footnote = f.Footnote, reasons = f.ReasonSlugs,
                }),
                agreement = agreement.ToJson(),
            };
            return Results.Json(json, new JsonSerializerOptions
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            });
        });
        app.MapRead("/statistics.csv", async (HttpContext http, ArchiveDbContext db, CancellationToken ct) =>
        {
            var stats = await ArchiveStatistics.ComputeAsync(db, ct);
            // Long format: one count a row, with what it counts; published findings are not in this file.
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
            {
                foreach (var header in CsvColumns) csv.WriteField(header);
                await csv.NextRecordAsync();
                async Task Row(string measure, string? reason, string? theme, string? nationality, string? source, int count)
                {
                    foreach (var cell in new[] { measure, reason, theme, nationality, source,
                        count.ToString(CultureInfo.InvariantCulture) })
                        csv.WriteField(Rendering.CsvCells.NeutraliseFormula(cell));
                    await csv.NextRecordAsync();
                }
                await Row("statements", null, null, null, null, stats.Statements);
                await Row("speakers", null, null, null, null, stats.Speakers);
                foreach (var r in stats.Reasons)
                {
                    await Row("statements", r.Slug, r.Theme.Slug(), null, null, r.Statements);
                    await Row("speakers", r.Slug, r.Theme.Slug(), null, null, r.Speakers);
                    foreach (var (nationality, count) in stats.Nationalities.Zip(r.ByNationality))
                        await Row("statements", r.Slug, r.Theme.Slug(), nationality, null, count);
                    foreach (var (source, count) in stats.Sources.Zip(r.BySource))
                        await Row("statements", r.Slug, r.Theme.Slug(), null, source, count);
                }
                foreach (var t in stats.Themes)
                {
                    await Row("statements", null, t.Theme.Slug(), null, null, t.Statements);
                    await Row("speakers", null, t.Theme.Slug(), null, null, t.Speakers);
                }
            }
            http.Response.Headers.ContentDisposition = "attachment; filename=\"testimonies-statistics.csv\"";
            return Results.Text(text.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
        });
        return app;
    }
}
