using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Reasons;

public class DetailsModel(ArchiveDbContext db) : PageModel
{
    public record FindingView(string Wording, string Figure, string Dataset, int? DatasetSize, string? Footnote,
        string SourceKey, string SourcePublisher, PartialDate SourcePublished, string? SourceChapter, List<string> ReasonNames);

    public const int PageSize = 20;

    public Reason Reason { get; private set; } = null!;
    public StatementListPage Statements { get; private set; } = null!;
    public List<FindingView> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var reason = await db.Reasons.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (reason is null) return NotFound();
        Reason = reason;
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking().Where(s => s.Reasons.Any(r => r.Id == reason.Id)),
            Request, PageSize, cancellationToken);
        if (Statements.ErrorStatus is { } status) Response.StatusCode = status;
        Findings = await db.Findings.AsNoTracking()
            .Where(f => f.Reasons.Any(r => r.Id == reason.Id))
            .OrderBy(f => f.SourceId).ThenBy(f => f.Key)
            .Select(f => new FindingView(f.Wording, f.Figure, f.Dataset, f.DatasetSize, f.Footnote,
                f.Source.Key, f.Source.Publisher, f.Source.Published, f.Source.Chapter,
                f.Reasons.OrderBy(r => r.Position).Select(r => r.Name).ToList()))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
