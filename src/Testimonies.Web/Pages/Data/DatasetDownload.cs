using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Data;

/// <summary>
/// /dataset.zip: every published statement, with its speakers, sources, reasons and findings, in the
/// import format (CSV and JSON), a README codebook, the licence and how to cite the dataset. The
/// version is the archive's: it changes with every import and edit.
/// </summary>
public static class DatasetDownload
{
    /// <summary>One build at a time in an instance: concurrent requests wait rather than each reading the archive at once.</summary>
    private static readonly SemaphoreSlim OneBuild = new(1, 1);

    public static IEndpointRouteBuilder MapDatasetDownload(this IEndpointRouteBuilder app)
    {
        app.MapRead("/dataset.zip", async (HttpContext http, ArchiveDbContext db, IOptions<ArchiveOptions> options, TimeProvider clock,
            CancellationToken ct) =>
        {
            var version = await db.ReadVersionAsync(ct);
            var today = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var site = Rendering.SiteAddress.Of(http.Request);
            await OneBuild.WaitAsync(ct);
            FileStream file;
            try
            {
                file = await BuildAsync(db, options.Value, version, today, site, ct);
            }
            finally
            {
                OneBuild.Release();
            }
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"testimonies-dataset-v{version}.zip\"";
            return Results.Stream(file, "application/zip");
        }).CacheAsDownload(); // it reads no query parameter
        return app;
    }

    private static async Task<FileStream> BuildAsync(ArchiveDbContext db, ArchiveOptions options, long version, string today, string site,
        CancellationToken ct)
    {
        var reasons = await FormatRows.RowsAsync(db, DataFormat.Reasons.Name, null, publishedOnly: true, ct);
        var codebook = await db.CurrentCodebook.AsNoTracking().Select(v => new CodebookNote(v.Number, v.Dated, v.ChangeNote))
            .FirstOrDefaultAsync(ct);
        var name = $"testimonies-dataset-v{version}";
        // A temporary file, deleted when the response is sent, from rows streamed out of the store (each table read
        // twice, for CSV and JSON): neither the zip nor the statements are held in memory.
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"testimonies-dataset-{Guid.NewGuid():N}.zip"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var counts = new Dictionary<TableSpec, int>();
                foreach (var spec in DataFormat.All)
                {
                    await using var csv = archive.CreateEntry($"{name}/csv/{spec.FileName}", CompressionLevel.Optimal).Open();
                    counts[spec] = await DataExport.WriteCsvAsync(csv, spec, DataExport.RowsAsync(db, spec, publishedOnly: true, ct),
                        ct);
                }
                await using (var json = archive.CreateEntry($"{name}/json/archive.json", CompressionLevel.Optimal).Open())
                    await DataExport.WriteJsonAsync(json, spec => DataExport.RowsAsync(db, spec, publishedOnly: true, ct), ct);
                // The sources' texts exactly as stored (their SHA-256 is the archive's), which text_file names.
                foreach (var (key, text) in await DataExport.LatestTextsAsync(db, ct))
                    Add(archive, $"{name}/{DataExport.TextFileName(key)}", text.Text);
                // An empty setting (Archive__DatasetLicence="") means the default, not a blank licence (ArchiveOptions.Licence).
                var licence = options.Licence;
                Add(archive, $"{name}/LICENCE.txt", licence + "\n");
                Add(archive, $"{name}/README.md", Codebook(counts, reasons, codebook, version, today, site, licence));
            }
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        return file;
    }

    private static void Add(ZipArchive archive, string path, string text)
    {
        using var stream = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The codebook version the dataset's reasons follow, as its README names it.</summary>
    private sealed record CodebookNote(int Number, DateOnly Dated, string ChangeNote);

    private static string Codebook(Dictionary<TableSpec, int> counts, List<Dictionary<string, string?>> reasons, CodebookNote? codebook,
        long version, string today, string site, string licence)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Testimonies dataset, version {version} ({today})");
        md.AppendLine();
        md.AppendLine("Statements by fighters and defectors about leaving ISIL or their disillusionment with it, each as a published " +
            "source reports it, with the reasons its words give (if any). Not every speaker is known to have left.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Published statements only: {counts[DataFormat.Statements]} statements, " +
            $"{counts[DataFormat.Speakers]} speakers, " +
            $"{counts[DataFormat.Sources]} sources, {counts[DataFormat.Reasons]} reasons, " +
            $"{counts[DataFormat.Findings]} published findings.");
        md.AppendLine();
        md.AppendLine("## How to cite");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Testimonies. ({today[..4]}). *Testimonies: Why people leave ISIL, statements as published sources report them* " +
            $"(Version {version}) [Data set]. {site}/dataset.zip");
        md.AppendLine();
        md.AppendLine("Cite a single statement through its own page (`/s/{id}`), which gives APA, MLA and Chicago citations " +
            "of the publication that reports it.");
        md.AppendLine();
        md.AppendLine("## Licence");
        md.AppendLine();
        md.AppendLine(licence);
        md.AppendLine();
        md.AppendLine("## Rules of the data");
        md.AppendLine();
        md.AppendLine("- Quotations (`kind` = quotation) are the speaker's words character for character as the source prints them; " +
            "paraphrases are the source's own reporting sentence and are not the speaker's words.");
        md.AppendLine("- Speakers are named only where the source names them; " +
            "anonymous speakers are kept distinct unless the source says they are the same person.");
        md.AppendLine("- `findings.csv` holds figures the sources report about their own datasets. " +
            "They are not counts of this dataset and must not be added to or compared with them as one number.");
        md.AppendLine("- `csv/` and `json/archive.json` hold the same data in the archive's import format; `sources/` holds the " +
            "sources' full texts exactly as the archive stores them (their SHA-256 is in the API). Importing `csv/` (or " +
            "`json/archive.json`) together with `sources/` into the archive changes nothing.");
        md.AppendLine("- A statement's `text_start` is where its words begin in its source's text, in Unicode code points from 0.");
        md.AppendLine();
        md.AppendLine("## Reasons for leaving (the coding scheme)");
        md.AppendLine();
        md.AppendLine(codebook is null
            ? "The archive has recorded no codebook version yet: the reasons below are its current, unversioned codes."
            : string.Create(CultureInfo.InvariantCulture,
                $"The reasons, and every statement's reasons and count, follow codebook version {codebook.Number} " +
                $"({codebook.Dated:yyyy-MM-dd}): {codebook.ChangeNote} Its versions and their changes: {site}/codebook/versions"));
        md.AppendLine();
        foreach (var reason in reasons)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- **{reason["name"]}** (`{reason["slug"]}`, theme `{reason["theme"]}`): {reason["definition"]}");
            if (reason.GetValueOrDefault("boundary") is { Length: > 0 } boundary)
                md.AppendLine(CultureInfo.InvariantCulture, $"  Not: {boundary}");
        }
        md.AppendLine();
        md.AppendLine("## Fields");
        foreach (var spec in DataFormat.All)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"### {spec.FileName}");
            md.AppendLine();
            md.AppendLine("| column | required | meaning |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var column in spec.Columns)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{column.Name}` | {(column.Required ? "yes" : "no")} | " +
                    $"{column.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        return md.ToString();
    }
}
