using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>
/// Saves a coder's coding and an editor's decision on the archive's writer path: in one transaction holding the writer
/// lock (ImportGate), the published reasons worked out again (PublishedReasons), the search index synced, the archive's
/// version bumped so that cached pages refresh.
/// </summary>
public sealed class CodingWriter(ArchiveDbContext db, SearchIndex index, ImportGate gate, TimeProvider clock)
{
    public const string CodingOrigin = "coding form";
    public const string DecisionOrigin = "decision form";

    private static readonly CodingRefusal Busy = new(StatusCodes.Status409Conflict,
        "The archive is being written to right now (an import, most likely). Wait a moment, then save again; nothing was saved.");

    /// <summary>
    /// Replaces the account's coder's current coding of the statement with <paramref name="reasons"/> (none: no reason
    /// applies), creating the coder on the account's first save; reopens a standing decision. Refused when the coder saved
    /// the statement since the form was opened (<paramref name="openedAt"/>, CodingQueries.CodingStateAsync).
    /// </summary>
    public async Task<CodingRefusal?> SaveCodingAsync(int statementId, string maintainerId, string by, int version,
        IReadOnlyList<CodedReason> reasons, int openedAt, CancellationToken cancellationToken)
    {
        await using var writer = await gate.BeginWaitingAsync(db, cancellationToken);
        if (writer is null) return Busy;
        var coder = await db.Coders.FirstOrDefaultAsync(c => c.MaintainerId == maintainerId, cancellationToken);
        if (await CodingQueries.CodingStateAsync(db, statementId, coder?.Id, cancellationToken) != openedAt)
            return new(StatusCodes.Status409Conflict, "You saved a coding of this statement since this form was opened (in another tab, " +
                "perhaps). The form now shows what you saved last; make your changes again on it. Nothing was saved.");
        var now = clock.GetUtcNow();
        if (coder is null)
        {
            coder = await NewCoderAsync(maintainerId, cancellationToken);
            db.Coders.Add(coder);
        }
        else
        {
            var coderId = coder.Id;
            foreach (var old in await db.Codings.Where(c => c.StatementId == statementId && c.CoderId == coderId && c.ReplacedAt == null)
                         .ToListAsync(cancellationToken))
                old.ReplacedAt = now;
        }
        var rows = reasons.Count == 0
            ? [new Coding { StatementId = statementId, Coder = coder, CodebookVersion = version, CodedAt = now, Origin = CodingOrigin }]
            : reasons.Select(r => new Coding
            {
                StatementId = statementId, Coder = coder, ReasonId = r.ReasonId, CodebookVersion = version, CodedAt = now,
                Confidence = r.Confidence, Note = r.Note, SpanStart = r.SpanStart, SpanEnd = r.SpanEnd, Origin = CodingOrigin,
            }).ToList();
        db.Codings.AddRange(rows);
        // A new coding reopens the question a decision answered.
        await ReplaceStandingDecisionAsync(statementId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await FinishAsync(writer, statementId, by, CodingOrigin, now, cancellationToken);
        return null;
    }

    /// <summary>
    /// Records an editor's decision on the statement, replacing the standing one. Refused when anyone coded the statement,
    /// or an editor decided, since the page was opened (<paramref name="openedAt"/>, CodingQueries.DecisionStateAsync).
    /// </summary>
    public async Task<CodingRefusal?> DecideAsync(int statementId, string by, int version, IReadOnlyList<string> reasonSlugs, string why,
        string openedAt, CancellationToken cancellationToken)
    {
        await using var writer = await gate.BeginWaitingAsync(db, cancellationToken);
        if (writer is null) return Busy;
        if (await CodingQueries.DecisionStateAsync(db, statementId, cancellationToken) != openedAt)
            return new(StatusCodes.Status409Conflict, "Someone coded this statement, or an editor decided on it, since this page was " +
                "opened. The page now shows the codings as they are; decide again on them. Nothing was saved.");
        var now = clock.GetUtcNow();
        await ReplaceStandingDecisionAsync(statementId, now, cancellationToken);
        db.CodingDecisions.Add(new CodingDecision
        {
            StatementId = statementId, CodebookVersion = version, Reasons = string.Join(';', reasonSlugs), DecidedBy = by,
            DecidedAt = now, Why = why, Origin = DecisionOrigin,
        });
        await db.SaveChangesAsync(cancellationToken);
        await FinishAsync(writer, statementId, by, DecisionOrigin, now, cancellationToken);
        return null;
    }

    private async Task ReplaceStandingDecisionAsync(int statementId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var standing in await db.CodingDecisions.Where(d => d.StatementId == statementId && d.ReplacedAt == null)
                     .ToListAsync(cancellationToken))
            standing.ReplacedAt = now;
    }

    private async Task FinishAsync(ImportWriter writer, int statementId, string by, string origin, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var changed = await PublishedReasons.UpdateAsync(db, [statementId], by, origin, now, cancellationToken);
        await index.SyncAsync(db, changed, cancellationToken);
        await db.BumpVersionAsync(cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }

    /// <summary>The account's coder: the next free number, known to readers only as "Coder n".</summary>
    private async Task<Coder> NewCoderAsync(string maintainerId, CancellationToken cancellationToken)
    {
        var taken = (await db.Coders.Select(c => c.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var labels = (await db.Coders.Select(c => c.Label).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (taken.Contains($"coder-{n}") || labels.Contains($"Coder {n}")) n++;
        return new Coder { Key = $"coder-{n}", Label = $"Coder {n}", MaintainerId = maintainerId };
    }
}
