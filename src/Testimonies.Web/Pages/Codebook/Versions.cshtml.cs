namespace Testimonies.Web.Pages.Codebook;

public class VersionsModel(ArchiveDbContext db) : PageModel
{
    public List<CodebookEditions.VersionRow> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await CodebookEditions.ListAsync(db, cancellationToken);
}
