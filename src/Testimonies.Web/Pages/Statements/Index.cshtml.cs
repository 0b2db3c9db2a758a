using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Statements;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    public Pager Pager { get; private set; } = new(1, PageSize, 0);
    public List<StatementCard> Statements { get; private set; } = [];

    /// <summary>What ?page= held when it was not a number, to say so on the page.</summary>
    public string? UnreadablePage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query itself: Razor Pages reserves the "page" route value for the page's own path.
        var requested = Request.Query["page"].ToString();
        var page = Pager.FromQuery(requested);
        Pager = new Pager(page ?? 0, PageSize, await db.PublishedStatements.CountAsync(cancellationToken));
        if (page is null)
        {
            UnreadablePage = requested;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!Pager.Exists)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Statements = await db.PublishedStatements.AsNoTracking()
            .OrderBy(s => s.Source.Title).ThenBy(s => s.SourceId).ThenBy(s => s.Position)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(StatementCard.FromStatement)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
