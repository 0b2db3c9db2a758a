namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// /sets/embed?ids=… and /sets/{slug}/embed: the set's cards for an iframe on other sites. Framable like /s/{id}/embed
/// (SecurityHeaders.IsEmbed); its links open the archive in a new tab.
/// </summary>
public class EmbedModel(ArchiveDbContext db) : PageModel
{
    public QuoteSet Set { get; private set; } = null!;
    public bool TooMany { get; private set; }
    public string SiteAddress => Rendering.SiteAddress.Of(Request);

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        var (set, status) = await QuoteSet.ResolveAsync(HttpContext, db, slug, cancellationToken);
        if (set is null) return NotFound();
        Set = set;
        TooMany = status == StatusCodes.Status422UnprocessableEntity;
        Response.StatusCode = status;
        return Page();
    }
}
