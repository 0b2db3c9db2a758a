using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Testimonies.Web.Archive;
using Testimonies.Web.Rendering;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Search;

public class IndexModel(ArchiveDbContext db, SearchCatalog catalog) : PageModel
{
    public const int PageSize = 20;

    public SearchParameters Parameters { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;
    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public static readonly IReadOnlyDictionary<string, string> FacetTitles = new Dictionary<string, string>
    {
        ["reason"] = "Reason",
        ["theme"] = "Theme",
        ["nationality"] = "Speaker’s nationality",
        ["kind"] = "Kind",
        ["source"] = "Source",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = await SearchParameters.ReadAsync(Request.Query, db, catalog, cancellationToken);
        Result = await StatementSearch.RunAsync(db, catalog, Parameters.ToRequest(PageSize), cancellationToken);
        Pager = new Pager(Parameters.Page ?? 0, PageSize, Result.Total);
        if (Parameters.UnreadablePage is not null)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (!Pager.Exists && Result.Total > 0)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string Link(string? add = null, string? addValue = null, string? remove = null, string? removeValue = null, string? sort = "", int? page = null) =>
        Parameters.Url("/search", add, addValue, remove, removeValue, sort, page);

    public string ExportLink(string format) => Parameters.Url($"/search.{format}", sort: null);

    public string FacetLabel(string facet, string value) =>
        Result.Facets.TryGetValue(facet, out var values) && values.FirstOrDefault(v => v.Value == value) is { } found ? found.Label
        : facet == "nationality" && value == StatementSearch.NotStated ? "Not stated" : value;
}
