namespace Testimonies.Web.Pages.Statements;

/// <summary>
/// How the statement page says its reasons were arrived at: the rule's outcome, each coder's current coding (by the coder's
/// public label, never an account), and an editor's standing decision. The reasons are the archive's analysis, not the source's.
/// </summary>
public sealed record StatementCoding(CodingOutcome Outcome, IReadOnlyList<StatementCoding.CoderCoding> Coders,
    StatementCoding.Decision? Standing)
{
    public sealed record Applied(string Slug, string Name, Confidence? Confidence, string? Note, string? Words);

    public sealed record CoderCoding(string Label, int CodebookVersion, DateTimeOffset? CodedAt, IReadOnlyList<Applied> Reasons)
    {
        /// <summary>The coder's row that says no reason applies, when that was their coding.</summary>
        public bool NoneApplies => Reasons.Count == 0;
    }

    public sealed record Decision(DateTimeOffset At, int CodebookVersion, string Why, IReadOnlyList<ReasonLink> Reasons);

    public static async Task<StatementCoding> LoadAsync(ArchiveDbContext db, Statement statement, CancellationToken cancellationToken)
    {
        var reasons = await db.Reasons.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var codings = await db.Codings.AsNoTracking().Include(c => c.Coder)
            .Where(c => c.StatementId == statement.Id && c.ReplacedAt == null).ToListAsync(cancellationToken);
        var decisions = await db.CodingDecisions.AsNoTracking()
            .Where(d => d.StatementId == statement.Id && d.ReplacedAt == null).ToListAsync(cancellationToken);
        var outcome = CodingOutcome.Of(codings, decisions, id => reasons[id].Slug);
        var coders = codings.GroupBy(c => c.CoderId).OrderBy(g => g.First().Coder.Key, StringComparer.Ordinal)
            .Select(g => new CoderCoding(g.First().Coder.Label, g.First().CodebookVersion, g.Max(c => c.CodedAt),
                [.. g.Where(c => c.ReasonId is not null).Select(c => (Coding: c, Reason: reasons[c.ReasonId!.Value]))
                    .OrderBy(x => x.Reason.Position)
                    .Select(x => new Applied(x.Reason.Slug, x.Reason.Name, x.Coding.Confidence, x.Coding.Note,
                        Coding.WordsOf(statement.Text, x.Coding.SpanStart, x.Coding.SpanEnd)))]))
            .ToList();
        var bySlug = reasons.Values.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        var standing = outcome.State == CodingState.Decided
            ? decisions.OrderByDescending(d => d.DecidedAt).Select(d => new Decision(d.DecidedAt, d.CodebookVersion, d.Why,
                [.. d.ReasonSlugs.Where(bySlug.ContainsKey).Select(s => bySlug[s]).OrderBy(r => r.Position)
                    .Select(r => new ReasonLink(r.Slug, r.Name))])).First()
            : null;
        return new(outcome, coders, standing);
    }
}
