using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

// The form may carry a little more than the import limit, so that the limit's own message is shown, not a bare 413.
[RequestSizeLimit(ImportLimits.MaxBytes + 10 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxBytes + 10 * 1024 * 1024)]
public class ImportModel(Importer importer, ILogger<ImportModel> logger) : PageModel
{
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileNames { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        var uploaded = new List<ImportFile>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            if (file.Length > ImportLimits.MaxBytes)
            {
                Problems = [new ImportProblem(Path.GetFileName(file.FileName), null, null,
                    $"the file is larger than {ImportLimits.MaxBytes / 1024 / 1024} MB; split it into several imports.")];
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            uploaded.Add(new ImportFile(Path.GetFileName(file.FileName), content.ToArray()));
        }
        FileNames = string.Join(", ", uploaded.Select(f => f.Name));
        var result = await importer.PreviewUploadAsync(uploaded, User.Identity!.Name!, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            // File names and counts only: an upload's contents never reach the logs.
            logger.LogWarning("Import of {Files} refused with {Count} problems", FileNames, result.Problems.Count);
            Problems = result.Problems;
            Response.StatusCode = ImportStatus.For(refusal);
            return Page();
        }
        var record = result.Record!;
        logger.LogInformation("Import {Id} previewed: {Files} ({Sha256}) by {By}: {Summary}", record.Id, FileNames, record.Sha256,
            record.UploadedBy, record.Summary);
        return Redirect($"/admin/import/{record.Id}");
    }
}
