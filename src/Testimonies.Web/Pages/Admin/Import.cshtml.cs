using Microsoft.AspNetCore.Antiforgery;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

// The form may carry a little more than the import limit, so that the limit's own message is shown; a larger request is
// refused by its length before it is read, with the same message on a 413 page. The form is read by the handler, not by
// antiforgery's filter or model binding, because they answer a form over the limit with an empty 400; the token is then
// checked by hand, before anything else is done.
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[IgnoreAntiforgeryToken]
public class ImportModel(Importer importer, IAntiforgery antiforgery, ILogger<ImportModel> logger) : PageModel
{
    private const long RequestLimit = ImportLimits.MaxBytes + 10 * 1024 * 1024;

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public int ProblemCount { get; private set; }
    public string? MoreProblems { get; private set; }
    public string? FileNames { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > RequestLimit) return TooLarge(Request.ContentLength.Value);
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // Over the form's or the server's limit while reading (a body without a length), or not a form at all.
            if (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
                return TooLarge(RequestLimit);
            return Refused(StatusCodes.Status400BadRequest,
                [new ImportProblem("upload", null, null, "the upload could not be read as a form with files; choose the files again.")]);
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();

        var files = form.Files.GetFiles("files").Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var total = files.Sum(f => f.Length);
        if (total > ImportLimits.MaxBytes) return TooLarge(total);
        var uploaded = new List<ImportFile>();
        foreach (var file in files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            uploaded.Add(new ImportFile(Path.GetFileName(file.FileName), content.ToArray()));
        }
        FileNames = string.Join(", ", uploaded.Select(f => f.Name));
        var result = await importer.PreviewUploadAsync(uploaded, User.Identity!.Name!, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            // File names and counts only: an upload's contents never reach the logs.
            logger.LogWarning("Import of {Files} refused with {Count} problem(s)", FileNames, result.ProblemCount);
            MoreProblems = result.MoreProblems;
            return Refused(ImportStatus.For(refusal), result.Problems, result.ProblemCount);
        }
        var record = result.Record!;
        logger.LogInformation("Import {Id} previewed: {Files} ({Sha256}) by {By}: {Summary}", record.Id, FileNames, record.Sha256,
            record.UploadedBy, record.Summary);
        return Redirect($"/admin/import/{record.Id}");
    }

    private PageResult TooLarge(long bytes)
    {
        logger.LogWarning("Import refused: {Bytes} bytes over the size limit", bytes);
        return Refused(StatusCodes.Status413PayloadTooLarge, [ImportLimits.TooLarge(bytes)]);
    }

    private PageResult Refused(int status, IReadOnlyList<ImportProblem> problems, int? count = null)
    {
        Problems = problems;
        ProblemCount = count ?? problems.Count;
        Response.StatusCode = status;
        return Page();
    }
}
