namespace Testimonies.Web.Pages.Admin;

/// <summary>Every revision of one statement, newest first, with the words before and after each correction.</summary>
public class HistoryModel(ArchiveDbContext db) : PageModel
{
    public record Entry(StatementRevision Revision, string? After);

    public string PublicId { get; private set; } = "";
    public List<Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking().Where(s => s.PublicId == id).Select(s => new { s.Id, s.Text })
            .SingleOrDefaultAsync(cancellationToken);
        if (statement is null) return NotFound();
        PublicId = id;
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.StatementId == statement.Id).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        // The words after a correction are the words before the next one, or today's.
        var after = statement.Text;
        for (var i = revisions.Count - 1; i >= 0; i--)
        {
            var revision = revisions[i];
            Entries.Add(new Entry(revision, revision.PreviousText is null ? null : after));
            if (revision.PreviousText is not null) after = revision.PreviousText;
        }
        return Page();
    }
}
