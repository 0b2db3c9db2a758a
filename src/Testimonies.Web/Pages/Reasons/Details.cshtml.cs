using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Reasons;

public class DetailsModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public Reason Reason { get; private set; } = null!;
    public StatementListPage Statements { get; private set; } = null!;
    public List<FindingCard> Findings { get; private set; } = [];

    /// <summary>Every reason as a code, so that the boundary's slugs read as the reasons' names (Rendering/BoundaryLinks).</summary>
    public List<CodebookCode> Codes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var reason = await db.Reasons.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (reason is null) return NotFound();
        Reason = reason;
        Codes = (await db.Reasons.AsNoTracking().ToListAsync(cancellationToken)).Select(CodebookCode.Of).ToList();
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking().Where(s => s.Reasons.Any(r => r.Id == reason.Id)), HttpContext, PageSize,
            cancellationToken);
        Findings = await db.Findings.AsNoTracking()
            .Where(f => f.Reasons.Any(r => r.Id == reason.Id))
            .OrderBy(f => f.SourceId).ThenBy(f => f.Key)
            .Select(FindingCard.Projection)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
