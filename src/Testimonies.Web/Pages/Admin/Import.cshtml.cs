using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

// The form may carry a little more than the import limit, so that the limit's own message is shown, not a bare 413.
[RequestSizeLimit(ImportUpload.MaxBytes + 10 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.MaxBytes + 10 * 1024 * 1024)]
public class ImportModel(ArchiveDbContext db, ImportGate gate, TimeProvider clock, ILogger<ImportModel> logger) : PageModel
{
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileNames { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        var uploaded = new List<ImportFile>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            if (file.Length > ImportUpload.MaxBytes)
            {
                Problems = [new ImportProblem(Path.GetFileName(file.FileName), null, null, $"the file is larger than {ImportUpload.MaxBytes / 1024 / 1024} MB; split it into several imports.")];
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            uploaded.Add(new ImportFile(Path.GetFileName(file.FileName), content.ToArray()));
        }
        FileNames = string.Join(", ", uploaded.Select(f => f.Name));
        var result = await ImportRecords.PreviewUploadAsync(db, gate, uploaded, User.Identity!.Name!, clock.GetUtcNow(), cancellationToken);
        if (result.Record is null)
        {
            // File names and counts only: an upload's contents never reach the logs.
            logger.LogWarning("Import of {Files} refused with {Count} problems", FileNames, result.Problems.Count);
            Problems = result.Problems;
            Response.StatusCode = result.Problems.Any(p => p.Message == ImportGate.BusyMessage) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        logger.LogInformation("Import {Id} previewed: {Files} ({Sha256}) by {By}: {Summary}", result.Record.Id, FileNames, result.Record.Sha256, result.Record.UploadedBy, result.Record.Summary);
        return Redirect($"/admin/import/{result.Record.Id}");
    }
}
