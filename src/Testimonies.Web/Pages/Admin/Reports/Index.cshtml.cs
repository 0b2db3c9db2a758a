using Microsoft.AspNetCore.Authorization;

namespace Testimonies.Web.Pages.Admin.Reports;

/// <summary>The editors' queue of readers' problem reports, by state; safety and privacy concerns first, then oldest first.</summary>
[Authorize(Policy = MaintainerRoles.Editor)]
public class IndexModel(ArchiveDbContext db) : PageModel
{
    /// <summary>Rows a page shows; the count says how many more there are.</summary>
    public const int Shown = 100;

    public record Row(int Id, string PublicId, ProblemKind Kind, string Description, DateTimeOffset ReceivedAt,
        ProblemReportState State);

    public ProblemReportState? State { get; private set; }
    public Dictionary<ProblemReportState, int> Counts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? state, CancellationToken cancellationToken)
    {
        var counts = await db.ProblemReports.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Counts = counts.ToDictionary(c => c.Key, c => c.Count);
        if (state == "all") State = null;
        else if (string.IsNullOrEmpty(state)) State = ProblemReportState.Open;
        else if (Names.ProblemReportStates.BySlug.TryGetValue(state, out var parsed)) State = parsed;
        else
        {
            Problem = $"There is no state “{state}”: the states are {string.Join(", ", Names.ProblemReportStates.Slugs)} (or all).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var reports = db.ProblemReports.AsQueryable();
        if (State is { } chosen) reports = reports.Where(r => r.State == chosen);
        Total = await reports.CountAsync(cancellationToken);
        // Safety or privacy first; then by arrival (ids follow arrival, and sort on both engines).
        Rows = await reports.OrderBy(r => r.Kind == ProblemKind.SafetyOrPrivacy ? 0 : 1).ThenBy(r => r.Id).Take(Shown)
            .Select(r => new Row(r.Id, r.Statement.PublicId, r.Kind, r.Description, r.ReceivedAt, r.State))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
