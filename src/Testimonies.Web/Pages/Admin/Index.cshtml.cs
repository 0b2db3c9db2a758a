namespace Testimonies.Web.Pages.Admin;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record Counts(int Published, int Drafts, int Withdrawn, int Sources, int Speakers, int Reasons);
    public record RecentImport(int Id, string FileNames, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? AppliedAt,
        string Summary);

    public Counts Archive { get; private set; } = null!;
    public List<RecentImport> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var statuses = await db.Statements.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Archive = new Counts(statuses.GetValueOrDefault(PublicationStatus.Published), statuses.GetValueOrDefault(PublicationStatus.Draft),
            statuses.GetValueOrDefault(PublicationStatus.Withdrawn), await db.Sources.CountAsync(cancellationToken),
            await db.Speakers.CountAsync(cancellationToken), await db.Reasons.CountAsync(cancellationToken));
        Imports = await db.Imports.OrderByDescending(i => i.Id).Take(20)
            .Select(i => new RecentImport(i.Id, i.FileNames, i.UploadedBy, i.UploadedAt, i.AppliedAt, i.Summary))
            .ToListAsync(cancellationToken);
    }
}
