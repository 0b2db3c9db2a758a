namespace Testimonies.Web.Pages.Statistics;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public ArchiveStatistics Statistics { get; private set; } = null!;

    /// <summary>The codebook version the counts by reason follow; null while the archive has recorded none.</summary>
    public int? CodebookVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Statistics = await ArchiveStatistics.ComputeAsync(db, cancellationToken);
        CodebookVersion = await db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
    }
}
