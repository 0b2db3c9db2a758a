using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Pages.Statements;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public StatementListPage Statements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking(),
            Request, PageSize, cancellationToken);
        if (Statements.ErrorStatus is { } status) Response.StatusCode = status;
        return Page();
    }
}
