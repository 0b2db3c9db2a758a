using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Speakers;

public class DetailsModel(ArchiveDbContext db) : PageModel
{
    public Speaker Speaker { get; private set; } = null!;
    public const int PageSize = 20;

    public StatementListPage Statements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (speaker is null) return NotFound();
        Speaker = speaker;
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking().Where(s => s.SpeakerId == speaker.Id), HttpContext, PageSize, cancellationToken);
        return Page();
    }
}
