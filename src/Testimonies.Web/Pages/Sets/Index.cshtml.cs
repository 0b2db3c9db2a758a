using Testimonies.Web.Citations;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// /sets?ids=…&amp;title=…: a reader's set, from its address alone; /sets/{slug}: a curated set. Each statement as a card in
/// the set's order, the ids it cannot show named, one bibliography of the sources, and the set's handout, embed and downloads.
/// </summary>
public class IndexModel(ArchiveDbContext db) : PageModel
{
    public QuoteSet Set { get; private set; } = null!;
    public bool TooMany { get; private set; }
    public string SiteAddress => Rendering.SiteAddress.Of(Request);

    /// <summary>The iframe to paste into another site's page, its height set by /js/embed-frame.js where the page loads it.</summary>
    /// <summary>The set's embed code: the same iframe and height script as a statement's (Rendering/EmbedCode).</summary>
    public string EmbedSnippet(bool cover) =>
        Rendering.EmbedCode.For(SiteAddress, Set.Url("/embed", cover), $"{Set.Heading}: statements from the Testimonies archive", 600);

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
