namespace Testimonies.Web.Pages.Statements;

/// <summary>
/// /s/{id}/embed: a compact card meant for an iframe on other sites. It is the only route that may be
/// framed (SecurityHeaders gives it frame-ancestors *); everything else refuses framing.
/// </summary>
public class EmbedModel(ArchiveDbContext db) : PageModel
{
    public StatementCard Card { get; private set; } = null!;
    public string Permalink => $"{Rendering.SiteAddress.Of(Request)}/s/{Card.PublicId}";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var cards = await StatementList.FirstAsync(db.PublishedStatements.AsNoTracking().Where(s => s.PublicId == id).OrderBy(s => s.Id), 1,
            cancellationToken);
        if (cards.Count == 0) return NotFound();
        Card = cards[0];
        return Page();
    }
}
