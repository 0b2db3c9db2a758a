using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Pages.Statements;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public CardPage Statements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Statements = await StatementCards.PageAsync(
            db.PublishedStatements.AsNoTracking().OrderBy(s => s.Source.Title).ThenBy(s => s.SourceId).ThenBy(s => s.Position),
            Request, PageSize, cancellationToken);
        if (Statements.ErrorStatus is { } status) Response.StatusCode = status;
        return Page();
    }
}
