using System.Security.Claims;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>
/// The coding pages' reading of the store: whose coder an account is, a coder's queue, the statements awaiting a decision.
/// </summary>
public static class CodingQueries
{
    /// <summary>Longest note a coder or an editor may write, in characters.</summary>
    public const int NoteLimit = 4000;

    /// <summary>Reasons by theme (the taxonomy's order), then by their place in it.</summary>
    public static List<Reason> InCodebookOrder(IEnumerable<Reason> reasons) =>
        reasons.OrderBy(r => Names.Themes.IndexOf(r.Theme)).ThenBy(r => r.Position).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList();

    public static string MaintainerId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The coder the account codes as; null before its first save.</summary>
    public static Task<Coder?> CoderOfAsync(ArchiveDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = MaintainerId(user);
        return db.Coders.AsNoTracking().FirstOrDefaultAsync(c => c.MaintainerId == id, cancellationToken);
    }

    /// <summary>
    /// Statements (published and drafts) the coder has not coded at all, unordered; every statement when the account has no coder
    /// yet. A new codebook version does not put back what the coder coded under an earlier one: a coding stands under the
    /// version it applied, and coding it again is a choice (<see cref="CodedEarlier"/>).
    /// </summary>
    public static IQueryable<Statement> Queue(ArchiveDbContext db, int? coderId) =>
        db.Statements.Where(s => s.Status != PublicationStatus.Withdrawn
            && !s.Codings.Any(c => c.CoderId == coderId && c.ReplacedAt == null));

    /// <summary>Statements the coder's current coding of which applied a codebook version before <paramref name="version"/>.</summary>
    public static IQueryable<Statement> CodedEarlier(ArchiveDbContext db, int? coderId, int version) =>
        db.Statements.Where(s => s.Status != PublicationStatus.Withdrawn
            && s.Codings.Any(c => c.CoderId == coderId && c.ReplacedAt == null && c.CodebookVersion < version));

    /// <summary>The ids of the statements whose coders disagree with no standing decision (CodingState.AwaitingDecision).</summary>
    public static async Task<List<int>> AwaitingDecisionAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var slugs = await db.Reasons.ToDictionaryAsync(r => r.Id, r => r.Slug, cancellationToken);
        // Only statements with current codings by two or more coders can disagree.
        var candidates = db.Codings.Where(c => c.ReplacedAt == null).GroupBy(c => c.StatementId)
            .Where(g => g.Select(c => c.CoderId).Distinct().Count() > 1).Select(g => g.Key);
        var codings = (await db.Codings.AsNoTracking().Where(c => c.ReplacedAt == null && candidates.Contains(c.StatementId))
            .ToListAsync(cancellationToken)).ToLookup(c => c.StatementId);
        var decisions = (await db.CodingDecisions.AsNoTracking().Where(d => d.ReplacedAt == null && candidates.Contains(d.StatementId))
            .ToListAsync(cancellationToken)).ToLookup(d => d.StatementId);
        return codings.Where(g => CodingOutcome.Of(g, decisions[g.Key], id => slugs[id]).State == CodingState.AwaitingDecision)
            .Select(g => g.Key).ToList();
    }

    /// <summary>A coder's coding form's stale-form token: the id of the coder's newest coding row of the statement (0: none).</summary>
    public static async Task<int> CodingStateAsync(ArchiveDbContext db, int statementId, int? coderId,
        CancellationToken cancellationToken) =>
        coderId is null ? 0
        : await db.Codings.Where(c => c.StatementId == statementId && c.CoderId == coderId)
            .MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0;

    /// <summary>A decision form's stale-form token: the statement's newest coding row and newest decision.</summary>
    public static async Task<string> DecisionStateAsync(ArchiveDbContext db, int statementId, CancellationToken cancellationToken)
    {
        var coding = await db.Codings.Where(c => c.StatementId == statementId).MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0;
        var decision = await db.CodingDecisions.Where(d => d.StatementId == statementId).MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0;
        return $"{coding}.{decision}";
    }
}
