using Testimonies.Web.Maintainers;
using Testimonies.Web.Pages.Admin.Codings;

namespace Testimonies.Web.Pages.Admin;

/// <summary>/admin: what the account's role allows, and nothing else (an account without a role is told to ask for one).</summary>
public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record Counts(int Published, int Drafts, int Withdrawn, int Sources, int Speakers, int Reasons);
    public record RecentImport(int Id, string FileNames, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? AppliedAt,
        string Summary);

    public string? Role { get; private set; }
    public int? ToCode { get; private set; }
    public Counts Archive { get; private set; } = null!;
    public List<RecentImport> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Role = MaintainerAccess.RoleOf(User);
        if (User.May(MaintainerRoles.Coder)
            && await db.CurrentCodebook.AnyAsync(cancellationToken))
        {
            var coder = await CodingQueries.CoderOfAsync(db, User, cancellationToken);
            ToCode = await CodingQueries.Queue(db, coder?.Id).CountAsync(cancellationToken);
        }
        if (!User.May(MaintainerRoles.Editor)) return;
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
