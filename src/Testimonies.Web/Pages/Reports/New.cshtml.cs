using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Http.Features;
using Testimonies.Web.Reports;

namespace Testimonies.Web.Pages.Reports;

/// <summary>
/// The "Report a problem" form of one published statement. Never cached (it carries a reader's antiforgery token) and never
/// compressed over HTTPS (a token beside what the reader typed is what BREACH-style attacks read).
/// </summary>
[OutputCache(NoStore = true)]
public class NewModel(ArchiveDbContext db, ProblemReports reports, ReportLimits limits, ILogger<NewModel> logger) : PageModel
{
    /// <summary>The field a person never sees (it is hidden) and a form-filling script fills: then nothing is stored.</summary>
    public const string HoneypotField = "website";

    public record About(int Id, string PublicId, string Text, StatementKind Kind, string Language, string Speaker);

    public About Statement { get; private set; } = null!;
    public string? Kind { get; private set; }
    public string? Description { get; private set; }
    public string? Contact { get; private set; }
    public Dictionary<string, string> Problems { get; } = [];
    public string? GeneralProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        DoNotCompress();
        if (await FindAsync(id, cancellationToken) is not { } statement) return NotFound();
        Statement = statement;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        DoNotCompress();
        if (await FindAsync(id, cancellationToken) is not { } statement) return NotFound();
        Statement = statement;
        Kind = Request.Form[ProblemReports.KindField].FirstOrDefault();
        Description = Request.Form[ProblemReports.DescriptionField].FirstOrDefault();
        Contact = Request.Form[ProblemReports.ContactField].FirstOrDefault();
        if (!limits.TryAcquire(HttpContext, out var retryAfter))
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            GeneralProblem = $"This address has sent {ReportLimits.PerWindow} reports in the last {ReportLimits.Window.TotalMinutes:0} " +
                $"minutes, as many as the archive takes. Wait {minutes} minute{(minutes == 1 ? "" : "s")}, then send the form again; " +
                "what you wrote is kept below. Nothing was stored.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!string.IsNullOrEmpty(Request.Form[HoneypotField].FirstOrDefault()))
        {
            // Answered as if taken, so that a script learns nothing; logged without its content.
            logger.LogInformation("A report of {Statement} filled the hidden field; it was not stored", statement.PublicId);
            return Redirect($"/s/{statement.PublicId}/report/sent");
        }
        var refusal = ProblemReports.Check(Kind, Description, Contact, out var kind)
            ?? await reports.SubmitAsync(statement.Id, kind, Description!, Contact, cancellationToken);
        if (refusal is not null)
        {
            foreach (var (field, message) in refusal.Problems)
            {
                if (field is null) GeneralProblem = message;
                else Problems[field] = message;
            }
            Response.StatusCode = refusal.Status;
            return Page();
        }
        logger.LogInformation("A report of {Statement} ({Kind}) was queued", statement.PublicId, kind.Slug());
        return Redirect($"/s/{statement.PublicId}/report/sent");
    }

    /// <summary>A published statement by its identifier; drafts, withdrawn and unknown ones have no form (404).</summary>
    private Task<About?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.PublishedStatements.Where(s => s.PublicId == id)
            .Select(s => new About(s.Id, s.PublicId, s.Text, s.Kind, s.Language, s.Speaker.Name ?? s.Speaker.Description))
            .SingleOrDefaultAsync(cancellationToken)!;

    private void DoNotCompress()
    {
        if (HttpContext.Features.Get<IHttpsCompressionFeature>() is { } compression) compression.Mode = HttpsCompressionMode.DoNotCompress;
    }
}
