using Microsoft.AspNetCore.Authorization;
using Testimonies.Web.Reports;

namespace Testimonies.Web.Pages.Admin.Reports;

/// <summary>One report: what the reader wrote and how to reach them (editors only), the statement, and the editor's change.</summary>
[Authorize(Policy = MaintainerRoles.Editor)]
public class ReportModel(ArchiveDbContext db, ProblemReports reports) : PageModel
{
    /// <summary>The form's hidden field: the report's version when the page was opened; a save over a newer one is refused.</summary>
    public const string OpenedAtField = "opened_at";

    public record RevisionChoice(int Id, DateTimeOffset At, string Changes, string By);

    public ProblemReport Report { get; private set; } = null!;
    public string PublicId { get; private set; } = "";
    public string StatementText { get; private set; } = "";
    public PublicationStatus StatementStatus { get; private set; }
    public List<RevisionChoice> Revisions { get; private set; } = [];

    /// <summary>The form's values: as stored, or as posted when a save was refused.</summary>
    public string State { get; private set; } = "";
    public string? Note { get; private set; }
    public string? Revision { get; private set; }
    public int OpenedAt { get; private set; }

    public Dictionary<string, string> Problems { get; } = [];
    public string? GeneralProblem { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var form = Request.Form;
        var state = form[ProblemReports.StateField].FirstOrDefault();
        var note = form[ProblemReports.NoteField].FirstOrDefault();
        var revision = form[ProblemReports.RevisionField].FirstOrDefault();
        if (!int.TryParse(form[OpenedAtField].FirstOrDefault(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var openedAt))
        {
            GeneralProblem = "The form was sent without the version it was opened at; open the report again. Nothing was saved.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var refusal = await reports.ChangeAsync(id, openedAt, state, note, revision, User.Identity!.Name!, cancellationToken);
        if (refusal is null) return Redirect($"/admin/reports/{id}?saved=true");
        if (refusal.Status == StatusCodes.Status409Conflict)
        {
            // The newer save as it is now, and its version, so the editor redoes the change on it.
            await LoadAsync(id, cancellationToken);
        }
        else
        {
            (State, Note, Revision) = (state ?? "", note, revision);
            OpenedAt = openedAt;
        }
        foreach (var (field, message) in refusal.Problems)
        {
            if (field is null) GeneralProblem = message;
            else Problems[field] = message;
        }
        Response.StatusCode = refusal.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.ProblemReports.AsNoTracking().Include(r => r.Statement).Include(r => r.FixedByRevision)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) return false;
        Report = report;
        PublicId = report.Statement.PublicId;
        StatementText = report.Statement.Text;
        StatementStatus = report.Statement.Status;
        Revisions = await db.Revisions.AsNoTracking().Where(r => r.StatementId == report.StatementId).OrderByDescending(r => r.Id)
            .Select(r => new RevisionChoice(r.Id, r.At, r.Changes, r.By)).ToListAsync(cancellationToken);
        State = report.State.Slug();
        Note = report.Note;
        Revision = report.FixedByRevisionId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        OpenedAt = report.Version;
        return true;
    }
}
