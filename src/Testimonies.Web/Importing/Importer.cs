using System.Security.Cryptography;
using Testimonies.Web.Search;

namespace Testimonies.Web.Importing;

/// <summary>
/// The one way into the archive for data: uploads (preview, then confirm), the maintainers' one-row forms,
/// the command line (with a dry run) and data/ at start-up. Every path checks the same limits, parses and
/// validates by the same rules, takes the same gate and answers with the same messages; every path that a
/// person starts leaves an <see cref="ImportRecord"/>, written in the import's own transaction.
/// </summary>
public sealed class Importer(ArchiveDbContext db, SearchIndex index, ImportGate gate, TimeProvider clock)
{
    /// <summary>A preview lists at most this many statement changes; the counts are always complete.</summary>
    public const int MaxPreviewChanges = ImportPreview.MaxListed;

    public const string NoSuchImport = "There is no such import.";
    public const string AppliedAlready = "This import was applied already; applying it again would change nothing.";
    public const string StalePreview =
        "The archive changed since this preview was made, so it may no longer say what the import would do. "
        + "Upload the file again for a new preview; nothing was written.";

    /// <summary>Checks and previews an upload: nothing is written but the record of the preview, waiting for confirmation.</summary>
    public Task<ImportResult> PreviewUploadAsync(IReadOnlyList<ImportFile> files, string by, CancellationToken cancellationToken) =>
        ImportMetrics.MeasureAsync("preview", () => PreviewAsync(files, by, cancellationToken));

    private async Task<ImportResult> PreviewAsync(IReadOnlyList<ImportFile> files, string by, CancellationToken cancellationToken)
    {
        var (set, problems) = await ReadAsync(files, requireRecords: true, cancellationToken);
        if (problems.Count > 0) return ImportResult.Invalid(problems);
        await using var writer = await gate.BeginAsync(db, cancellationToken);
        if (writer is null) return Busy();
        var now = clock.GetUtcNow();
        var version = await db.ReadVersionAsync(cancellationToken);
        var preview = await ArchiveImport.PreviewAsync(db, index, set, new ImportActor(by, "preview", now), cancellationToken);
        var record = NewRecord(files, by, now);
        record.Summary = preview.Summary;
        record.PreviewJson = ImportPreview.Of(preview).ToJson();
        record.PreviewedVersion = version;
        db.Imports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new ImportResult(null, [], preview, record);
    }

    /// <summary>The statement changes a preview listed.</summary>
    public static IReadOnlyList<StatementChange> PreviewChanges(ImportRecord record) =>
        ImportPreview.FromJson(record.PreviewJson).Statements;

    /// <summary>Applies a previewed upload, unless the archive changed since the preview or it was applied already.</summary>
    public Task<ImportResult> ConfirmAsync(int importId, string by, CancellationToken cancellationToken) =>
        ImportMetrics.MeasureAsync("confirm", () => ApplyPreviewAsync(importId, by, cancellationToken));

    private async Task<ImportResult> ApplyPreviewAsync(int importId, string by, CancellationToken cancellationToken)
    {
        // Checked under the lock, so that no other instance's import can come between the check and the write.
        await using var writer = await gate.BeginAsync(db, cancellationToken);
        if (writer is null) return Busy();
        var record = await db.Imports.Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (record is null) return ImportResult.Refuse(ImportRefusal.NotFound, NoSuchImport);
        if (record.AppliedAt is not null) return ImportResult.Refuse(ImportRefusal.AlreadyApplied, AppliedAlready);
        var version = await db.ReadVersionAsync(cancellationToken);
        if (version != record.PreviewedVersion) return ImportResult.Refuse(ImportRefusal.StalePreview, StalePreview);

        // The files passed every check when they were previewed, and the archive has not changed since.
        var files = record.Files.OrderBy(f => f.Id).Select(f => new ImportFile(f.FileName, f.Content)).ToList();
        var problems = new ImportProblems();
        var set = ImportSet.Parse(files, problems);
        // Checked again, for what validation works out besides problems: where each statement stands in its source's text.
        if (problems.Count == 0) await ArchiveImport.ValidateAsync(db, set, problems, cancellationToken);
        if (problems.Count > 0) return ImportResult.Invalid(problems);
        var actor = new ImportActor(by, $"import {record.Id}", clock.GetUtcNow());
        return ImportResult.Done(await ArchiveImport.ApplyAsync(db, index, set, actor, cancellationToken, record), record);
    }

    /// <summary>The command line's import: checked, then applied with its record in one go, or only previewed (a dry run).</summary>
    public Task<ImportResult> ImportFilesAsync(IReadOnlyList<ImportFile> files, string by, bool dryRun,
        CancellationToken cancellationToken) =>
        ImportMetrics.MeasureAsync(dryRun ? "dry run" : "command line",
            () => ImportAsync(files, null, by, dryRun ? null : "command-line import", cancellationToken));

    /// <summary>
    /// A maintainer's form, saved as a one-row import of its table: the same rules as a file, and a record whose file is the
    /// row as CSV, so that a form's change can be read again like any upload's. <paramref name="openedAt"/> is the row's
    /// <see cref="RowVersion"/> when its form was opened: a save over a newer one is refused as <see cref="ImportRefusal.Changed"/>,
    /// checked under the writer lock, so no change is lost.
    /// </summary>
    public async Task<ImportResult> SaveRowAsync(TableSpec spec, IReadOnlyDictionary<string, string?> values, string by,
        CancellationToken cancellationToken, int? openedAt = null, string? codebookNote = null)
    {
        List<ImportFile> files = [new(spec.FileName, DataExport.Csv(spec, [values.ToDictionary()]))];
        var records = new List<(TableSpec, RawRecord)> { (spec, new RawRecord("form", 1, values)) };
        if (codebookNote is not null)
        {
            // A reason's form that changes the codebook makes its next version, dated today, with the form's note.
            var next = (await db.CodebookVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            var version = new Dictionary<string, string?>
            {
                ["version"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["dated"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["change_note"] = codebookNote,
            };
            files.Add(new(DataFormat.Codebook.FileName, DataExport.Csv(DataFormat.Codebook, [version])));
            records.Add((DataFormat.Codebook, new RawRecord("form", 1, version)));
        }
        var problems = new ImportProblems();
        var set = ImportSet.FromRecords(records, problems);
        var row = openedAt is { } opened ? (spec.Name, values[spec.Columns[0].Name] ?? "", opened) : ((string, string, int)?)null;
        return await ImportMetrics.MeasureAsync("form", () => ImportAsync(files, (set, problems), by, "edit", cancellationToken, row));
    }

    /// <summary>
    /// data/ into an empty store at start-up, under the same limits and rules. It leaves no import record: data/ is kept in
    /// the repository, whose history says who changed what; the revisions it writes say "data folder".
    /// </summary>
    public Task<ImportResult> LoadDataFolderAsync(IReadOnlyList<ImportFile> files, CancellationToken cancellationToken) =>
        ImportMetrics.MeasureAsync("data folder", () => LoadAsync(files, cancellationToken));

    private async Task<ImportResult> LoadAsync(IReadOnlyList<ImportFile> files, CancellationToken cancellationToken)
    {
        var (set, problems) = await ReadAsync(files, requireRecords: false, cancellationToken);
        if (problems.Count > 0) return ImportResult.Invalid(problems);
        await using var writer = await gate.BeginAsync(db, cancellationToken);
        if (writer is null) return Busy();
        var actor = new ImportActor("data folder", "load", clock.GetUtcNow());
        return ImportResult.Done(await ArchiveImport.ApplyAsync(db, index, set, actor, cancellationToken), null);
    }

    /// <summary>
    /// Checks, then applies with a record (<paramref name="origin"/> names the path in revisions), or previews when the origin is null.
    /// <paramref name="parsed"/> is a set made from something other than the files (a form's row), with its problems so far.
    /// </summary>
    private async Task<ImportResult> ImportAsync(IReadOnlyList<ImportFile> files, (ImportSet Set, ImportProblems Problems)? parsed,
        string by, string? origin, CancellationToken cancellationToken, (string Table, string Key, int Version)? openedAt = null)
    {
        // Asked first as well, so that a form behind the times is told so rather than about rules its values break now.
        if (openedAt is { } before && await RowVersion.ChangedSinceAsync(db, before.Table, before.Key, before.Version, cancellationToken)
            is { } changedBefore)
            return ImportResult.Refuse(ImportRefusal.Changed, changedBefore);
        ImportSet set;
        ImportProblems problems;
        if (parsed is var (fromRecords, found))
        {
            ImportLimits.Check(files, found);
            if (found.Count == 0) await ArchiveImport.ValidateAsync(db, fromRecords, found, cancellationToken);
            (set, problems) = (fromRecords, found);
        }
        else (set, problems) = await ReadAsync(files, requireRecords: true, cancellationToken);
        if (problems.Count > 0) return ImportResult.Invalid(problems);

        await using var writer = await gate.BeginAsync(db, cancellationToken);
        if (writer is null) return Busy();
        if (openedAt is { } row && await RowVersion.ChangedSinceAsync(db, row.Table, row.Key, row.Version, cancellationToken)
            is { } changed)
            return ImportResult.Refuse(ImportRefusal.Changed, changed);
        var now = clock.GetUtcNow();
        if (origin is null)
        {
            var preview = await ArchiveImport.PreviewAsync(db, index, set, new ImportActor(by, "preview", now), cancellationToken);
            return ImportResult.Done(preview, null);
        }
        var record = NewRecord(files, by, now);
        var outcome = await ArchiveImport.ApplyAsync(db, index, set, new ImportActor(by, origin, now), cancellationToken, record);
        return ImportResult.Done(outcome, record);
    }

    /// <summary>
    /// Limits before parsing, then every cell, the number of records, and references against the store. A person's import must
    /// hold records in every file (<paramref name="requireRecords"/>): a header alone would be recorded as an import of nothing.
    /// </summary>
    private async Task<(ImportSet Set, ImportProblems Problems)> ReadAsync(IReadOnlyList<ImportFile> files, bool requireRecords,
        CancellationToken cancellationToken)
    {
        var problems = new ImportProblems();
        ImportLimits.Check(files, problems);
        if (problems.Count > 0) return (new ImportSet(), problems);
        var set = ImportSet.Parse(files, problems);
        ImportLimits.CheckRecords(set, problems);
        if (requireRecords && problems.Count == 0)
        {
            var withRecords = set.FilesWithRecords();
            foreach (var file in files.Where(f => !withRecords.Contains(f.Name)))
                problems.Add(new(file.Name, null, null,
                    "the file holds no records, only its header. Add the rows to import below the header, or leave the file out."));
        }
        // References are checked even when headers or cells are wrong: every problem of an upload in one pass.
        await ArchiveImport.ValidateAsync(db, set, problems, cancellationToken);
        return (set, problems);
    }

    /// <summary>SHA-256 of the files' bytes, all files in their order, as ImportRecord.Sha256 documents.</summary>
    private static string Sha256Of(IReadOnlyList<ImportFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files) hash.AppendData(file.Content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ImportResult Busy() => ImportResult.Refuse(ImportRefusal.Busy, ImportGate.BusyMessage);

    private static ImportRecord NewRecord(IReadOnlyList<ImportFile> files, string by, DateTimeOffset at) => new()
    {
        FileNames = string.Join(", ", files.Select(f => f.Name)),
        Sha256 = Sha256Of(files),
        UploadedBy = by,
        UploadedAt = at,
        Files = files.Select(f => new ImportFileContent { FileName = f.Name, Content = f.Content }).ToList(),
    };
}
