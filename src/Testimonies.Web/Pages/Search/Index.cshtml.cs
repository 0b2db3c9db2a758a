using Testimonies.Web.Rendering;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Search;

public class IndexModel(ArchiveDbContext db, StatementSearch search) : PageModel
{
    public const int PageSize = 20;

    public SearchParameters Parameters { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;
    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (snapshot, isCurrent) = await search.Catalog.GetWithoutWaitingAsync(db, cancellationToken);
        SearchCatalog.DoNotCacheUnlessCurrent(HttpContext, isCurrent);
        Parameters = SearchParameters.Read(Request.Query, snapshot);
        Result = await search.RunAsync(db, snapshot, Parameters.ToRequest(PageSize), cancellationToken);
        Pager = new Pager(Parameters.Page ?? 0, PageSize, Result.Total);
        if (Parameters.UnreadablePage is not null)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (!Pager.Exists && Result.Total > 0)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The canonical address: the search's words and known filters, its sort and page, nothing else.</summary>
    public string Canonical => SiteAddress.Of(Request) + Parameters.Url("/search", page: Parameters.Page);

    public string Link(Facet? add = null, string? addValue = null, Facet? remove = null, string? removeValue = null, string? sort = "",
        int? page = null) =>
        Parameters.Url("/search", add, addValue, remove, removeValue, sort, page);

    public string ExportLink(string format) => Parameters.Url($"/search.{format}", sort: null);

    public string FacetLabel(Facet facet, string value) =>
        Result.Facets[facet.Key].FirstOrDefault(v => v.Value == value) is { } found ? found.Label
        : facet == Facets.Nationality && value == Names.NotStatedSlug ? Names.NotStated : value;
}
