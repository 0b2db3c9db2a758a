using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Codebook;

public class PrintModel(ArchiveDbContext db, SearchCatalog catalog) : PageModel
{
    public CodebookEdition Edition { get; private set; } = null!;
    public Dictionary<string, List<CodebookEditions.Example>> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Edition = await CodebookEditions.CurrentAsync(db, cancellationToken);
        Examples = await CodebookEditions.ExamplesAsync(db, catalog, IndexModel.ExamplesPerCode, cancellationToken);
    }
}
