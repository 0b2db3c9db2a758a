namespace Testimonies.Web.Pages.Codebook;

public class PrintModel(ArchiveDbContext db) : PageModel
{
    public CodebookEdition Edition { get; private set; } = null!;
    public Dictionary<string, List<CodebookEditions.Example>> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Edition = await CodebookEditions.CurrentAsync(db, cancellationToken);
        Examples = await CodebookEditions.ExamplesAsync(db, IndexModel.ExamplesPerCode, cancellationToken);
    }
}
