using Testimonies.Web.Citations;

namespace Testimonies.Web.Pages.Statements;

/// <summary>
/// /s/{id}/v/{n}: the statement as it was at one citable version (its words, attribution and locator), what has changed since
/// when it is not the current one, and its own citations, whose URL is this page's.
/// </summary>
public class VersionModel(ArchiveDbContext db, TimeProvider clock, SourceTextLayouts layouts) : PageModel
{
    public StatementVersionFinder.Found Found { get; private set; } = null!;
    public string PublicId { get; private set; } = "";
    public bool Withdrawn { get; private set; }
    public CitedStatement Cited { get; private set; } = null!;
    public IReadOnlyList<StyledCitation> Citations => CitationStyles.All(Cited);

    /// <summary>What differs between this version and the current one; empty when this is the current version.</summary>
    public List<(string Field, string? Before, string? After)> Changes { get; private set; } = [];

    public StatementVersion Version => Found.Version;
    public string Address => Cited.Permalink;
    public string Locator => Statement.Locator(Cited.Work.Chapter, Version.Footnote, Version.Section);

    public async Task<IActionResult> OnGetAsync(string id, string n, CancellationToken cancellationToken)
    {
        PublicId = id;
        var (status, found) = await StatementVersionFinder.FindAsync(db, id, n, cancellationToken);
        if (status == StatusCodes.Status410Gone)
        {
            // As the statement's own page: the address stays meaningful, saying the statement was withdrawn.
            Withdrawn = true;
            Response.StatusCode = status;
            return Page();
        }
        if (found is null) return NotFound();
        Found = found;
        Cited = await StatementVersionFinder.CiteAsync(db, layouts, found, Rendering.SiteAddress.Of(Request),
            CitationDownloads.Today(clock), cancellationToken);
        Changes = StatementVersions.Differences(found.Version, found.Current);
        return Page();
    }
}
