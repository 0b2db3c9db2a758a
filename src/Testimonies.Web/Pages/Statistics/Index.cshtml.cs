namespace Testimonies.Web.Pages.Statistics;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public ArchiveStatistics Statistics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Statistics = await ArchiveStatistics.ComputeAsync(db, cancellationToken);
}
