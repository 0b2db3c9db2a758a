namespace Testimonies.Web.Archive;

/// <summary>
/// The one rule that turns a statement's codings into its published reasons: a single coder's reasons; the coders'
/// when they agree; an editor's decision when they do not; until then, only the reasons every coder gave.
/// </summary>
public sealed record CodingOutcome(CodingState State, IReadOnlySet<string> Reasons, int Coders)
{
    /// <param name="byCoder">Each coder's current coding of the statement: the reason slugs applied (empty: none applies).</param>
    /// <param name="decision">The standing decision's reason slugs, if an editor decided since the last coding.</param>
    public static CodingOutcome Of(IReadOnlyCollection<IReadOnlySet<string>> byCoder, IReadOnlyList<string>? decision)
    {
        if (byCoder.Count == 0)
            return decision is null ? new(CodingState.NotRecorded, new HashSet<string>(), 0)
                : new(CodingState.Decided, decision.ToHashSet(StringComparer.Ordinal), 0);
        var first = byCoder.First();
        if (byCoder.Count == 1) return new(CodingState.OneCoder, first, 1);
        if (byCoder.All(set => set.SetEquals(first))) return new(CodingState.Agreed, first, byCoder.Count);
        if (decision is not null) return new(CodingState.Decided, decision.ToHashSet(StringComparer.Ordinal), byCoder.Count);
        var common = new HashSet<string>(first, StringComparer.Ordinal);
        foreach (var set in byCoder.Skip(1)) common.IntersectWith(set);
        return new(CodingState.AwaitingDecision, common, byCoder.Count);
    }

    /// <summary>The outcome of a statement's current (not replaced) codings and standing decision.</summary>
    public static CodingOutcome Of(IEnumerable<Coding> codings, IEnumerable<CodingDecision> decisions, Func<int, string> reasonSlug)
    {
        var byCoder = codings.Where(c => c.ReplacedAt is null).GroupBy(c => c.CoderId)
            .Select(g => (IReadOnlySet<string>)g.Where(c => c.ReasonId is not null).Select(c => reasonSlug(c.ReasonId!.Value))
                .ToHashSet(StringComparer.Ordinal))
            .ToList();
        var standing = decisions.Where(d => d.ReplacedAt is null).OrderByDescending(d => d.DecidedAt).FirstOrDefault();
        return Of(byCoder, standing?.ReasonSlugs);
    }
}
