using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Codebook;

public class IndexModel(ArchiveDbContext db, SearchCatalog catalog) : PageModel
{
    /// <summary>How many statements the codebook shows beside each code.</summary>
    public const int ExamplesPerCode = 3;

    public CodebookEdition Edition { get; private set; } = null!;
    public Dictionary<string, List<CodebookEditions.Example>> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Edition = await CodebookEditions.CurrentAsync(db, cancellationToken);
        Examples = await CodebookEditions.ExamplesAsync(db, catalog, ExamplesPerCode, cancellationToken);
    }
}
