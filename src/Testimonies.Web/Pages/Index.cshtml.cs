using Testimonies.Web.Pages.Statements;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages;

public class IndexModel(ArchiveDbContext db, SearchCatalog catalog) : PageModel
{
    public record ReasonCount(string Slug, string Name, Theme Theme, int Statements);
    public record SourceSummary(string Key, string Title, string? ChapterTitle, string Publisher, PartialDate Published, int Statements);

    public int StatementCount { get; private set; }
    /// <summary>Speakers the sources identify as one person, and groups of speakers (of unknown size, perhaps overlapping).</summary>
    public int PersonCount { get; private set; }
    public int GroupCount { get; private set; }
    public List<ReasonCount> Reasons { get; private set; } = [];
    public List<SourceSummary> Sources { get; private set; } = [];
    public List<StatementCard> Featured { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The counts come from the search catalog, which holds every published statement's reasons and source
        // in memory: counting them in SQL was the slowest part of an uncached home page (docs/performance.md).
        var (snapshot, isCurrent) = await catalog.GetWithoutWaitingAsync(db, cancellationToken);
        SearchCatalog.DoNotCacheUnlessCurrent(HttpContext, isCurrent);
        StatementCount = snapshot.Count;
        GroupCount = snapshot.SpeakerGroupCount;
        PersonCount = snapshot.SpeakerCount - GroupCount;
        var byReason = snapshot.CountAll(snapshot.Reasons);
        Reasons = snapshot.Reasons.Values
            .Select((slug, i) => new ReasonCount(slug, snapshot.Reasons.Labels[i], snapshot.ReasonThemes[i], byReason[i]))
            .ToList(); // the catalog keeps reasons in their Position order
        var bySource = snapshot.Sources.Values.Zip(snapshot.CountAll(snapshot.Sources))
            .ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        Sources = (await db.Sources.AsNoTracking()
            .OrderBy(s => s.Title)
            .Select(s => new { s.Key, s.Title, s.ChapterTitle, s.Publisher, s.Published })
            .ToListAsync(cancellationToken))
            .Select(s => new SourceSummary(s.Key, s.Title, s.ChapterTitle, s.Publisher, s.Published, bySource.GetValueOrDefault(s.Key)))
            .ToList();

        // A few quotations, one per theme, in the order of their sources: a deterministic sample, not an editorial pick.
        // Picked from the catalog, which holds the published statements in source order: the same query in SQL sorted
        // every published statement by its source's title (docs/performance.md, "A million statements").
        var ids = FeaturedIds(snapshot);
        Featured = await StatementList.FirstAsync(
            db.PublishedInSourceOrder.AsNoTracking().Where(s => ids.Contains(s.Id)), ids.Count, cancellationToken);
    }

    /// <summary>
    /// Of the first 200 quotations with a reason, in source order, the first of each theme (the theme of its first reason
    /// in the codebook's order), at most four.
    /// </summary>
    internal static List<int> FeaturedIds(SearchCatalog.Snapshot snapshot)
    {
        var quotation = new bool[Names.Kinds.Values.Count];
        quotation[Names.Kinds.IndexOf(StatementKind.Quotation)] = true;
        var themes = new HashSet<Theme>();
        var ids = new List<int>();
        for (int i = 0, seen = 0; i < snapshot.Count && seen < 200 && ids.Count < 4; i++)
        {
            if (!snapshot.Kinds.HasAny(i, quotation) || snapshot.Reasons.ValuesOf(i) is not [var first, ..]) continue;
            seen++;
            if (themes.Add(snapshot.ReasonThemes[first])) ids.Add(snapshot.Ids[i]);
        }
        return ids;
    }
}
