namespace Testimonies.Web.Pages.Sources;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record SourceRow(string Key, string Title, string? Chapter, string? ChapterTitle, string Publisher, PartialDate Published,
        int Statements, int Findings);

    public List<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.Title).ThenBy(s => s.Key)
            .Select(s => new SourceRow(s.Key, s.Title, s.Chapter, s.ChapterTitle, s.Publisher, s.Published,
                s.Statements.Count(st => st.Status == PublicationStatus.Published), s.Findings.Count))
            .ToListAsync(cancellationToken);
    }
}
