using Testimonies.Web.Citations;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// /sets/handout?ids=… and /sets/{slug}/handout: the set on A4 paper, each statement with its citation in one style
/// (?style=apa|mla|chicago, Chicago unless asked) and its permanent link, written out and as a QR code.
/// </summary>
public class HandoutModel(ArchiveDbContext db) : PageModel
{
    public QuoteSet Set { get; private set; } = null!;
    public bool TooMany { get; private set; }
    public int Style { get; private set; }
    public string SiteAddress => Rendering.SiteAddress.Of(Request);

    public async Task<IActionResult> OnGetAsync(string? slug, string? style, CancellationToken cancellationToken)
    {
        var (set, status) = await QuoteSet.ResolveAsync(HttpContext, db, slug, cancellationToken);
        if (set is null) return NotFound();
        Set = set;
        Style = QuoteSet.StyleIndex(style);
        TooMany = status == StatusCodes.Status422UnprocessableEntity;
        Response.StatusCode = status;
        return Page();
    }

    public StyledCitation Citation(int index) => CitationStyles.All(Set.Cited[index])[Style];
}
