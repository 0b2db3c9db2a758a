using System.Security.Cryptography;
using System.Text.Json;

namespace Testimonies.Web.Importing;

/// <summary>The result of checking an upload: its problems, or the stored preview waiting for confirmation.</summary>
public sealed record UploadResult(IReadOnlyList<ImportProblem> Problems, ImportRecord? Record, ImportOutcome? Preview);

/// <summary>The result of confirming a preview.</summary>
public sealed record ConfirmResult(ImportOutcome? Outcome, string? Refusal, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The maintainers' import, from upload to record: check and preview an upload (nothing written but the
/// record of the preview), then, when confirmed, apply it in one transaction with its record.
/// </summary>
public static class ImportRecords
{
    /// <summary>A preview lists at most this many statement changes; the counts are always complete.</summary>
    public const int MaxPreviewChanges = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<UploadResult> PreviewUploadAsync(ArchiveDbContext db, ImportGate gate, IReadOnlyList<ImportFile> files, string by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var bytes = ImportUpload.Check(files, problems);
        if (problems.Count > 0) return new(problems, null, null);
        var set = ImportSet.Parse(files, problems);
        if (set.RowCount > ImportUpload.MaxRows)
            problems.Add(new("upload", null, null, $"the files hold {set.RowCount:N0} records; one import takes at most {ImportUpload.MaxRows:N0}. Split it into several imports."));
        if (problems.Count > 0) return new(problems, null, null);
        await ArchiveImport.ValidateAsync(db, set, problems, cancellationToken);
        if (problems.Count > 0) return new(problems, null, null);

        if (!gate.TryEnter()) return new([new ImportProblem("upload", null, null, ImportGate.BusyMessage)], null, null);
        try
        {
            var version = await db.State.Select(s => s.Version).SingleAsync(cancellationToken);
            var preview = await ArchiveImport.PreviewAsync(db, set, new ImportActor(by, "preview", now), cancellationToken);
            var record = new ImportRecord
            {
                FileNames = string.Join(", ", files.Select(f => f.Name)),
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                UploadedBy = by,
                UploadedAt = now,
                Summary = preview.Summary,
                PreviewJson = JsonSerializer.Serialize(preview.Statements.Where(c => !c.Created).Concat(preview.Statements.Where(c => c.Created)).Take(MaxPreviewChanges), Json),
                PreviewedVersion = version,
                Files = files.Select(f => new ImportFileContent { FileName = f.Name, Content = f.Content }).ToList(),
            };
            db.Imports.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return new([], record, preview);
        }
        finally
        {
            gate.Exit();
        }
    }

    public static IReadOnlyList<StatementChange> PreviewChanges(ImportRecord record) =>
        JsonSerializer.Deserialize<List<StatementChange>>(record.PreviewJson, Json) ?? [];

    /// <summary>Applies a previewed import, unless the archive changed since the preview or it was applied already.</summary>
    public static async Task<ConfirmResult> ConfirmAsync(ArchiveDbContext db, ImportGate gate, int importId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!gate.TryEnter()) return new(null, ImportGate.BusyMessage, []);
        try
        {
            var record = await db.Imports.Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
            if (record is null) return new(null, "There is no such import.", []);
            if (record.AppliedAt is not null) return new(null, "This import was applied already; applying it again would change nothing.", []);
            var version = await db.State.Select(s => s.Version).SingleAsync(cancellationToken);
            if (version != record.PreviewedVersion)
                return new(null, "The archive changed since this preview was made, so it may no longer say what the import would do. Upload the file again for a new preview; nothing was written.", []);

            var files = record.Files.OrderBy(f => f.Id).Select(f => new ImportFile(f.FileName, f.Content)).ToList();
            var set = ImportSet.Parse(files, []);
            var outcome = await ApplyAndRecordAsync(db, set, record, new ImportActor(by, $"import {record.Id}", now), cancellationToken);
            return new(outcome, null, []);
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>The command line's import: the record is made and applied in one go, in the import's transaction.</summary>
    public static Task<ImportOutcome> ApplyAndRecordAsync(ArchiveDbContext db, ImportSet set, IReadOnlyList<ImportFile> files, string hash,
        ImportActor actor, CancellationToken cancellationToken)
    {
        var record = new ImportRecord
        {
            FileNames = string.Join(", ", files.Select(f => f.Name)),
            Sha256 = hash,
            UploadedBy = actor.By,
            UploadedAt = actor.At,
            Files = files.Select(f => new ImportFileContent { FileName = f.Name, Content = f.Content }).ToList(),
        };
        return ApplyAndRecordAsync(db, set, record, actor, cancellationToken);
    }

    private static Task<ImportOutcome> ApplyAndRecordAsync(ArchiveDbContext db, ImportSet set, ImportRecord record, ImportActor actor, CancellationToken cancellationToken) =>
        ArchiveImport.ApplyAsync(db, set, actor, cancellationToken, async outcome =>
        {
            record.AppliedAt = actor.At;
            record.Summary = outcome.Summary;
            record.PreviewJson = "[]";
            if (record.Id == 0) db.Imports.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        });
}
