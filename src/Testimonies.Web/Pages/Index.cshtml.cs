using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record ReasonCount(string Slug, string Name, Theme Theme, int Statements);
    public record SourceSummary(string Key, string Title, string? ChapterTitle, string Publisher, PartialDate Published, int Statements);

    public int StatementCount { get; private set; }
    public int SpeakerCount { get; private set; }
    public List<ReasonCount> Reasons { get; private set; } = [];
    public List<SourceSummary> Sources { get; private set; } = [];
    public List<StatementCard> Featured { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        StatementCount = await db.PublishedStatements.CountAsync(cancellationToken);
        SpeakerCount = await db.Speakers.CountAsync(s => s.Statements.Any(st => st.Status == PublicationStatus.Published), cancellationToken);
        Reasons = await db.Reasons.AsNoTracking()
            .OrderBy(r => r.Position)
            .Select(r => new ReasonCount(r.Slug, r.Name, r.Theme, r.Statements.Count(s => s.Status == PublicationStatus.Published)))
            .ToListAsync(cancellationToken);
        Sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.Title)
            .Select(s => new SourceSummary(s.Key, s.Title, s.ChapterTitle, s.Publisher, s.Published, s.Statements.Count(st => st.Status == PublicationStatus.Published)))
            .ToListAsync(cancellationToken);

        // A few quotations, one per theme, in the order of their sources: a deterministic sample, not an editorial pick.
        var quotations = await db.PublishedStatements.AsNoTracking()
            .Where(s => s.Kind == StatementKind.Quotation && s.Reasons.Any())
            .OrderBy(s => s.SourceId).ThenBy(s => s.Position)
            .Take(200)
            .Select(s => new { Theme = s.Reasons.OrderBy(r => r.Position).Select(r => r.Theme).First(), s.Id })
            .ToListAsync(cancellationToken);
        var ids = quotations.GroupBy(q => q.Theme).Select(g => g.First().Id).Take(4).ToList();
        Featured = await StatementCards.FirstAsync(
            db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.SourceId).ThenBy(s => s.Position),
            ids.Count, cancellationToken);
    }
}
