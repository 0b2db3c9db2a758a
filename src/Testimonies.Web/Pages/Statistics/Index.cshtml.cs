namespace Testimonies.Web.Pages.Statistics;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public ArchiveStatistics Statistics { get; private set; } = null!;

    /// <summary>Each source's name for readers (its chapter's title, else its title), by key; the tables show these, not keys.</summary>
    public Dictionary<string, string> SourceNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Statistics = await ArchiveStatistics.ComputeAsync(db, cancellationToken);
        SourceNames = await db.Sources.AsNoTracking()
            .Select(s => new { s.Key, Name = s.ChapterTitle ?? s.Title })
            .ToDictionaryAsync(s => s.Key, s => s.Name, cancellationToken);
    }

    public string SourceName(string key) => SourceNames.GetValueOrDefault(key, key);
}
