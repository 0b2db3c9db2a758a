namespace Testimonies.Web.Pages.Statements;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public StatementListPage Statements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking(), HttpContext, PageSize, cancellationToken);
        return Page();
    }
}
