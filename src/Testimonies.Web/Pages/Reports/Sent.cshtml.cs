namespace Testimonies.Web.Pages.Reports;

/// <summary>The answer to a sent report (also to one the form refused silently): what happens next.</summary>
public class SentModel(ArchiveDbContext db) : PageModel
{
    public string PublicId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.PublishedStatements.AnyAsync(s => s.PublicId == id, cancellationToken)) return NotFound();
        PublicId = id;
        return Page();
    }
}
