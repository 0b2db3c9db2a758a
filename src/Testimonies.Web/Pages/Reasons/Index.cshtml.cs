namespace Testimonies.Web.Pages.Reasons;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record ReasonRow(string Slug, string Name, Theme Theme, string Definition, int Statements, int Findings);

    public List<ReasonRow> Reasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reasons = await db.Reasons.AsNoTracking()
            .OrderBy(r => r.Position)
            .Select(r => new ReasonRow(r.Slug, r.Name, r.Theme, r.Definition,
                r.Statements.Count(s => s.Status == PublicationStatus.Published), r.Findings.Count))
            .ToListAsync(cancellationToken);
    }
}
