using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>/admin/coding/disagreements: the editor's queue, statements whose coders disagree with no decision yet.</summary>
public class DisagreementsModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 50;

    public record Waiting(string PublicId, string Text, string Source, int Coders);

    public Pager Pager { get; private set; } = null!;
    public List<Waiting> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Pager.FromQuery(Request.Query["page"].FirstOrDefault()) is not { } number) return NotFound();
        var ids = await CodingQueries.AwaitingDecisionAsync(db, cancellationToken);
        Pager = new Pager(number, PageSize, ids.Count);
        if (!Pager.Exists) return NotFound();
        // In the archive's one order; the ids, which can be many, sent as one parameter (a JSON array, or PostgreSQL's array).
        var shown = await ArchiveDbContext.InSourceOrder(db.Statements.Where(s => EF.Parameter(ids).Contains(s.Id)))
            .Skip(Pager.Skip).Take(PageSize).Select(s => new { Statement = s, s.Source.Title }).AsNoTracking()
            .ToListAsync(cancellationToken);
        var shownIds = shown.Select(s => s.Statement.Id).ToList();
        var coders = await db.Codings.Where(c => c.ReplacedAt == null && shownIds.Contains(c.StatementId))
            .GroupBy(c => c.StatementId).Select(g => new { g.Key, Count = g.Select(c => c.CoderId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Statements = shown.Select(s => new Waiting(s.Statement.PublicId, s.Statement.Text, s.Title,
            coders.GetValueOrDefault(s.Statement.Id))).ToList();
        return Page();
    }
}
