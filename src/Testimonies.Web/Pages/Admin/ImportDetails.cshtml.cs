using System.Security.Cryptography;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

public class ImportDetailsModel(ArchiveDbContext db, Importer importer, ILogger<ImportDetailsModel> logger) : PageModel
{
    public ImportRecord Record { get; private set; } = null!;
    public IReadOnlyList<StatementChange> Changes { get; private set; } = [];
    public ImportPreview Preview { get; private set; } = ImportPreview.Empty;

    /// <summary>Each file of the import with the SHA-256 of its bytes, in the order they were uploaded.</summary>
    public IReadOnlyList<(string Name, long Bytes, string Sha256)> Files { get; private set; } = [];
    public string? Refusal { get; private set; }
    public bool JustApplied { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool applied, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        JustApplied = applied && Record.AppliedAt is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await importer.ConfirmAsync(id, User.Identity!.Name!, cancellationToken);
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (result.Refusal is { } refusal)
        {
            Refusal = result.Problems[0].Message;
            Response.StatusCode = ImportStatus.For(refusal);
            return Page();
        }
        logger.LogInformation("Import {Id} applied by {By}: {Summary}", id, User.Identity!.Name, result.Outcome!.Summary);
        return Redirect($"/admin/import/{id}?applied=true");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null) return false;
        Record = record;
        Preview = ImportPreview.FromJson(record.PreviewJson);
        Changes = Preview.Statements;
        Files = (await db.ImportFiles.AsNoTracking().Where(f => f.ImportRecordId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken))
            .Select(f => (f.FileName, (long)f.Content.Length, Convert.ToHexStringLower(SHA256.HashData(f.Content)))).ToList();
        return true;
    }
}
