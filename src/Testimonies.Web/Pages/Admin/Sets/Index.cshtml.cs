namespace Testimonies.Web.Pages.Admin.Sets;

/// <summary>/admin/sets: the curated sets, published or not, for editors (Site.cs authorizes the folder).</summary>
public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record Row(int Id, string Slug, string Title, bool Published, int Statements, DateTimeOffset ChangedAt, string? ChangedBy);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sets = await db.CuratedSets.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(cancellationToken);
        Rows = sets.Select(c => new Row(c.Id, c.Slug, c.Title, c.Published, c.StatementIds.Split(',').Length, c.ChangedAt, c.ChangedBy))
            .ToList();
    }
}
