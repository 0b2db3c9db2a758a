using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>
/// /admin/coding: the coder's queue, the statements they have not coded, in the archive's order; ?earlier=1 lists those they
/// coded under an earlier codebook version, to code again under the current one if they choose.
/// Shows the words, source and id only: never another coder's codes, never the published reasons, which would lead them.
/// </summary>
public class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 50;

    public record Queued(string PublicId, string Text, string Source, PublicationStatus Status);

    public int? Version { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public int Coded { get; private set; }

    /// <summary>Statements this coder coded under an earlier codebook version.</summary>
    public int CodedEarlier { get; private set; }

    /// <summary>True when the page lists those (?earlier=1) rather than the statements not coded yet.</summary>
    public bool Earlier { get; private set; }
    public List<Queued> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? earlier, CancellationToken cancellationToken)
    {
        if (earlier is not (null or "1")) return NotFound();
        Earlier = earlier == "1";
        Version = await db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
        if (Version is not { } version) return Page();
        if (Pager.FromQuery(Request.Query["page"].FirstOrDefault()) is not { } number) return NotFound();
        var coder = await CodingQueries.CoderOfAsync(db, User, cancellationToken);
        var notCoded = CodingQueries.Queue(db, coder?.Id);
        var codedEarlier = CodingQueries.CodedEarlier(db, coder?.Id, version);
        CodedEarlier = coder is null ? 0 : await codedEarlier.CountAsync(cancellationToken);
        var queue = Earlier ? codedEarlier : notCoded;
        Pager = new Pager(number, PageSize, await queue.CountAsync(cancellationToken));
        if (!Pager.Exists) return NotFound();
        Coded = coder is null ? 0 : await db.Statements.CountAsync(s => s.Status != PublicationStatus.Withdrawn
            && s.Codings.Any(c => c.CoderId == coder.Id && c.ReplacedAt == null), cancellationToken);
        Statements = await ArchiveDbContext.InSourceOrder(queue).Skip(Pager.Skip).Take(PageSize)
            .Select(s => new Queued(s.PublicId, s.Text, s.Source.Title, s.Status)).ToListAsync(cancellationToken);
        return Page();
    }
}
