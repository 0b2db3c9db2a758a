namespace Testimonies.Web.Archive;

/// <summary>
/// Keeps statements' published reasons (the StatementReasons the site, search and statistics read) equal to what their
/// codings give (<see cref="CodingOutcome"/>). Every writer of codings or decisions calls it in the same transaction,
/// then syncs the search index for the statements it returns.
/// </summary>
public static class PublishedReasons
{
    /// <summary>
    /// Sets the published reasons of the given statements that have codings or decisions, with a revision ("reasons") for each
    /// whose reasons change; saves. Returns the ids of the statements whose reasons changed.
    /// </summary>
    public static async Task<List<int>> UpdateAsync(ArchiveDbContext db, IEnumerable<int> statementIds, string by, string origin,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var reasons = await db.Reasons.ToDictionaryAsync(r => r.Id, cancellationToken);
        var bySlug = reasons.Values.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        var changed = new List<int>();
        // In chunks: EF sends each value of a Contains list as its own SQL parameter.
        foreach (var chunk in statementIds.Distinct().Chunk(1000))
        {
            var statements = await db.Statements.Include(s => s.Reasons).Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken);
            var codings = (await db.Codings.AsNoTracking().Where(c => chunk.Contains(c.StatementId) && c.ReplacedAt == null)
                .ToListAsync(cancellationToken)).ToLookup(c => c.StatementId);
            var decisions = (await db.CodingDecisions.AsNoTracking().Where(d => chunk.Contains(d.StatementId) && d.ReplacedAt == null)
                .ToListAsync(cancellationToken)).ToLookup(d => d.StatementId);
            foreach (var statement in statements)
            {
                var outcome = CodingOutcome.Of(codings[statement.Id], decisions[statement.Id], id => reasons[id].Slug);
                if (outcome.State == CodingState.NotRecorded) continue;
                if (statement.Reasons.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal).SetEquals(outcome.Reasons)) continue;
                statement.Reasons.Clear();
                statement.Reasons.AddRange(outcome.Reasons.Select(slug => bySlug[slug]));
                statement.Revisions.Add(new StatementRevision { At = at, By = by, Origin = origin, Changes = "reasons" });
                changed.Add(statement.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }

    /// <summary>The outcome of one statement's codings, for its page and its coding history.</summary>
    public static async Task<CodingOutcome> OfAsync(ArchiveDbContext db, int statementId, CancellationToken cancellationToken)
    {
        var slugs = await db.Reasons.ToDictionaryAsync(r => r.Id, r => r.Slug, cancellationToken);
        var codings = await db.Codings.AsNoTracking().Where(c => c.StatementId == statementId && c.ReplacedAt == null)
            .ToListAsync(cancellationToken);
        var decisions = await db.CodingDecisions.AsNoTracking().Where(d => d.StatementId == statementId && d.ReplacedAt == null)
            .ToListAsync(cancellationToken);
        return CodingOutcome.Of(codings, decisions, id => slugs[id]);
    }
}
