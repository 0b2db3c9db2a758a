namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>/admin/coding/{id}/history: every coding of a statement, current and replaced, and every decision, in time order.</summary>
public class HistoryModel(ArchiveDbContext db) : PageModel
{
    /// <summary>One coder's save (its rows share a coder and a time), or one decision.</summary>
    public sealed record Entry(DateTimeOffset? At, string Who, string Origin, int CodebookVersion, IReadOnlyList<Coding> Codings,
        CodingDecision? Decision, DateTimeOffset? ReplacedAt);

    public Statement Statement { get; private set; } = null!;
    public Dictionary<int, string> ReasonNames { get; private set; } = [];
    public Dictionary<string, string> NamesBySlug { get; private set; } = [];
    public List<Entry> Entries { get; private set; } = [];
    public CodingOutcome Outcome { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.PublicId == id, cancellationToken);
        if (statement is null) return NotFound();
        Statement = statement;
        var reasons = await db.Reasons.AsNoTracking().ToListAsync(cancellationToken);
        ReasonNames = reasons.ToDictionary(r => r.Id, r => r.Name);
        NamesBySlug = reasons.ToDictionary(r => r.Slug, r => r.Name, StringComparer.Ordinal);
        var codings = await db.Codings.AsNoTracking().Include(c => c.Coder).Where(c => c.StatementId == statement.Id)
            .ToListAsync(cancellationToken);
        var decisions = await db.CodingDecisions.AsNoTracking().Where(d => d.StatementId == statement.Id).ToListAsync(cancellationToken);
        Entries = codings.GroupBy(c => (c.CoderId, c.CodedAt, c.ReplacedAt, c.Origin, c.CodebookVersion))
            .Select(g => new Entry(g.Key.CodedAt, g.First().Coder.Label, g.Key.Origin, g.Key.CodebookVersion, g.ToList(), null,
                g.Key.ReplacedAt))
            // An editor's decision is kept under the address that made it; the page says only "an editor".
            .Concat(decisions.Select(d => new Entry(d.DecidedAt, "An editor", d.Origin, d.CodebookVersion, [], d, d.ReplacedAt)))
            .OrderBy(e => e.At ?? DateTimeOffset.MinValue).ThenBy(e => e.Decision is null ? 0 : 1)
            .ThenBy(e => e.Codings.Count > 0 ? e.Codings.Min(c => c.Id) : e.Decision!.Id).ToList();
        Outcome = CodingOutcome.Of(codings, decisions, rid => reasons.First(r => r.Id == rid).Slug);
        return Page();
    }
}
