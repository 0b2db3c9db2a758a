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

    /// <summary>The set's embed code: the same iframe and height script as a statement's (Rendering/EmbedCode).</summary>
    public string EmbedSnippet(bool cover) =>
        Rendering.EmbedCode.For(SiteAddress, Set.Url("/embed", cover), $"{Set.Heading}: statements from the Testimonies archive", 600);

    /// <summary>/sets with no set named: what sets are, the reader's own set, and the archive's published ones.</summary>
    public List<CuratedSetLink>? Overview { get; private set; }

    public sealed record CuratedSetLink(string Slug, string Title, int Count);

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is null && !Request.Query.ContainsKey(SetRequest.IdsKey))
        {
            Overview = (await db.CuratedSets.AsNoTracking().Where(c => c.Published).OrderBy(c => c.Title)
                    .Select(c => new { c.Slug, c.Title, c.StatementIds }).ToListAsync(cancellationToken))
                .Select(c => new CuratedSetLink(c.Slug, c.Title, c.StatementIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length))
                .ToList();
            return Page();
        }
        var (set, status) = await QuoteSet.ResolveAsync(HttpContext, db, slug, cancellationToken);
        if (set is null) return NotFound();
        Set = set;
        TooMany = status == StatusCodes.Status422UnprocessableEntity;
        Response.StatusCode = status;
        return Page();
    }
}
