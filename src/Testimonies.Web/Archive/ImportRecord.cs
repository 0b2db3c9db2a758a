namespace Testimonies.Web.Archive;

/// <summary>
/// One import by a person: an upload (kept from preview to confirmation), a saved form (its row as a
/// one-row CSV file) or the command line; then the record of what was applied, by whom and when. The files
/// themselves are kept, so that any import can be read again. Loading data/ at start-up leaves none.
/// </summary>
public class ImportRecord
{
    public int Id { get; set; }

    /// <summary>File names as uploaded (a form: its table's file name), separated by ", ".</summary>
    public required string FileNames { get; set; }

    /// <summary>SHA-256 of the uploaded bytes (all files, in upload order), lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Null while the import waits for confirmation.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>What the preview said it would change, then what it changed: "statements: 3 created, 1 updated, 14 unchanged; …".</summary>
    public string Summary { get; set; } = "";

    /// <summary>
    /// The preview's statement changes (JSON, at most <c>Importer.MaxPreviewChanges</c>), shown until the import is confirmed.
    /// </summary>
    public string PreviewJson { get; set; } = "[]";

    /// <summary>The archive's version the preview was made against; confirming a stale preview asks for a new one.</summary>
    public long PreviewedVersion { get; set; }

    public List<ImportFileContent> Files { get; set; } = [];
}
