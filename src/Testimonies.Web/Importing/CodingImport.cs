using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace Testimonies.Web.Importing;

/// <summary>
/// The coding half of an import: codebook versions, coders, codings and editors' decisions. Validation checks them against the
/// set and the store and works out each coded statement's published reasons after the import (<see cref="CodingOutcome"/>);
/// writing replaces a coder's earlier coding of a statement only when it differs, keeping the replaced rows as history.
/// </summary>
public static class CodingImport
{
    /// <summary>What validation worked out: the outcome of every statement the import codes, or whose coding it meets.</summary>
    public sealed class Result(IReadOnlyDictionary<string, CodingOutcome> outcomes, string? codes)
    {
        public static readonly Result Empty = new(new Dictionary<string, CodingOutcome>(), null);

        /// <summary>The codes (CodebookCode JSON) of the reasons after the import, for a version the import adds.</summary>
        public string? Codes { get; } = codes;

        /// <summary>The statement's published reasons after the import: its codings' outcome, or the row's own reasons column.</summary>
        public IReadOnlyCollection<string> ReasonsOf(StatementRow row) =>
            outcomes.TryGetValue(row.PublicId, out var outcome) && outcome.State != CodingState.NotRecorded
                ? outcome.Reasons : row.ReasonSlugs;

        public CodingOutcome? OutcomeOf(string publicId) => outcomes.GetValueOrDefault(publicId);
    }

    /// <summary>One coder's whole coding of one statement, in a form that compares equal when nothing differs.</summary>
    private sealed record CodingKey(string? Reason, Confidence? Confidence, int Version, DateTimeOffset? CodedAt, string? Note,
        string? Words)
    {
        /// <summary>A stored coding's key: its words read back from its span in the statement's text, as a file gives them.</summary>
        public static CodingKey Stored(string? reason, Coding coding, string text) => new(reason, coding.Confidence,
            coding.CodebookVersion, coding.CodedAt, coding.Note, Coding.WordsOf(text, coding.SpanStart, coding.SpanEnd));
    }

    private static string Pair(string statement, string coder) => statement + "\n" + coder;

    public static async Task ValidateAsync(ArchiveDbContext db, ImportSet set, ImportProblems problems,
        CancellationToken cancellationToken)
    {
        var versionCodes = await CheckCodebookAsync(db, set, problems, cancellationToken);
        if (set.Codings.Count == 0 && set.Decisions.Count == 0 && set.Statements.Count == 0) return;

        var coders = ArchiveImport.Known(set, "coders", set.Coders.Select(c => c.Key),
            await db.Coders.Select(c => c.Key).ToListAsync(cancellationToken));
        var reasons = set.Reasons.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        reasons.UnionWith(await db.Reasons.Select(r => r.Slug).ToListAsync(cancellationToken));
        var knownReasons = ArchiveImport.Known(set, "reasons", reasons, []);

        // Every statement the codings name, with its words after the import: the set's row, else the store's.
        // Distinct: a duplicate id is a problem reported already, and the rest of the set is checked all the same.
        var texts = set.Statements.DistinctBy(s => s.PublicId, StringComparer.Ordinal)
            .ToDictionary(s => s.PublicId, s => s.Text, StringComparer.Ordinal);
        var named = set.Codings.Select(c => c.StatementId).Concat(set.Decisions.Select(d => d.StatementId))
            .Where(id => !texts.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in named.Chunk(1000))
            foreach (var s in await db.Statements.Where(s => chunk.Contains(s.PublicId)).Select(s => new { s.PublicId, s.Text })
                         .ToListAsync(cancellationToken))
                texts[s.PublicId] = s.Text;

        var statementIds = ArchiveImport.Known(set, "statements", texts.Keys, []);
        foreach (var row in set.Codings)
        {
            Reference(row.At, "statement", row.StatementId, statementIds, "statements.csv", problems);
            Reference(row.At, "coder", row.CoderKey, coders, "coders.csv", problems);
            if (row.ReasonSlug is { } slug) Reference(row.At, "reason", slug, knownReasons, "reasons.csv", problems);
            if (!versionCodes.TryGetValue(row.CodebookVersion, out var codes))
                problems.Add(new(row.At.File, row.At.Line, "codebook_version", NoSuchVersion(row.CodebookVersion, versionCodes.Keys)));
            else if (row.ReasonSlug is { } applied && codes is not null && reasons.Contains(applied) && !codes.Contains(applied))
                problems.Add(new(row.At.File, row.At.Line, "reason",
                    $"“{applied}” is not a reason of codebook version {row.CodebookVersion}; code it under a version that has it."));
            if (row.Words is { } words && texts.TryGetValue(row.StatementId, out var text) && Coding.SpanOf(text, words) is null)
                problems.Add(new(row.At.File, row.At.Line, "words",
                    $"these words are not in statement {row.StatementId}'s words; copy them exactly from the statement, or leave " +
                    $"the cell empty."));
        }
        foreach (var coding in set.Codings.GroupBy(c => Pair(c.StatementId, c.CoderKey)))
        {
            var first = coding.First();
            foreach (var other in coding.Where(c => c.CodebookVersion != first.CodebookVersion))
                problems.Add(new(other.At.File, other.At.Line, "codebook_version",
                    $"one coder's coding of a statement applies one codebook version; line {first.At.Line} codes " +
                    $"{first.StatementId} by {first.CoderKey} under version {first.CodebookVersion}."));
            if (coding.Count() > 1 && coding.FirstOrDefault(c => c.ReasonSlug is null) is { } none)
                problems.Add(new(none.At.File, none.At.Line, "reason",
                    $"this row says that no reason applies to {none.StatementId}, but line " +
                    $"{coding.First(c => c.ReasonSlug is not null).At.Line} gives {none.CoderKey} a reason for it; keep one or " +
                    "the other."));
        }
        foreach (var row in set.Decisions)
        {
            Reference(row.At, "statement", row.StatementId, statementIds, "statements.csv", problems);
            foreach (var slug in row.ReasonSlugs) Reference(row.At, "reasons", slug, knownReasons, "reasons.csv", problems);
            if (!versionCodes.ContainsKey(row.CodebookVersion))
                problems.Add(new(row.At.File, row.At.Line, "codebook_version", NoSuchVersion(row.CodebookVersion, versionCodes.Keys)));
        }
        if (problems.Count > 0) return;

        var outcomes = await OutcomesAsync(db, set, texts, cancellationToken);
        foreach (var row in set.Statements)
        {
            if (outcomes.GetValueOrDefault(row.PublicId) is not { State: not CodingState.NotRecorded } outcome) continue;
            if (row.ReasonSlugs.Count == 0 || outcome.Reasons.SetEquals(row.ReasonSlugs)) continue;
            var given = outcome.Reasons.Count == 0 ? "no reason" : string.Join("; ", outcome.Reasons.Order(StringComparer.Ordinal));
            problems.Add(new(row.At.File, row.At.Line, "reasons",
                $"statement {row.PublicId} is coded (in codings.csv or in the archive), so its published reasons are worked out " +
                $"from its codings: {given}. Leave this cell empty or give the same; a coding changes them (codings.csv, or " +
                $"/admin/coding)."));
        }
        set.Coding = new Result(outcomes, set.Coding.Codes);
    }

    /// <summary>
    /// Checks codebook.csv against the store and the reasons after the import; returns each known version's reason slugs (null
    /// where this archive never held the version's codes), and keeps the codes a new version records.
    /// </summary>
    private static async Task<Dictionary<int, HashSet<string>?>> CheckCodebookAsync(ArchiveDbContext db, ImportSet set,
        ImportProblems problems, CancellationToken cancellationToken)
    {
        var stored = await db.CodebookVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var codes = (await db.Reasons.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(r => r.Slug, CodebookCode.Of, StringComparer.Ordinal);
        foreach (var row in set.Reasons)
            codes[row.Slug] = new CodebookCode(row.Slug, row.Name, row.Theme.Slug(), row.Definition, row.Boundary, row.Position);
        var after = codes.Count == 0 ? null : CodebookCode.Serialize(codes.Values);
        var latest = stored.LastOrDefault();
        var next = (latest?.Number ?? 0) + 1;
        var known = stored.ToDictionary(v => v.Number,
            v => v.Codes()?.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal));

        foreach (var row in set.Codebook.Where(r => r.Number < next))
        {
            var version = stored.Single(v => v.Number == row.Number);
            if (version.Dated != row.Dated || version.ChangeNote != row.ChangeNote)
                problems.Add(new(row.At.File, row.At.Line, version.Dated != row.Dated ? "dated" : "change_note",
                    $"version {row.Number} is in the archive dated {version.Dated:yyyy-MM-dd} with " +
                    (version.ChangeNote == row.ChangeNote ? "this note" : "another change note") +
                    "; a version once recorded does not change. Give it as it is, or leave the row out."));
        }
        var added = set.Codebook.Where(r => r.Number >= next).OrderBy(r => r.Number).ToList();
        for (var i = 0; i < added.Count; i++)
        {
            if (added[i].Number != next + i)
            {
                problems.Add(new(added[i].At.File, added[i].At.Line, "version",
                    $"the next version of the codebook is {next + i}; versions are numbered 1, 2, 3… without gaps."));
                return known;
            }
            // A new archive may take a dataset's earlier versions, whose codes it never held; an archive with a codebook adds one.
            if (latest is not null && i > 0)
                problems.Add(new(added[i].At.File, added[i].At.Line, "version",
                    $"an import adds one version of the codebook, the one its reasons make; add version {added[i].Number} with " +
                    $"the import that makes it."));
            known[added[i].Number] = i == added.Count - 1 ? codes.Keys.ToHashSet(StringComparer.Ordinal) : null;
        }

        var changes = after is not null && after != latest?.CodesJson;
        if (changes && added.Count == 0)
        {
            var before = latest?.Codes()?.ToDictionary(c => c.Slug, StringComparer.Ordinal) ?? [];
            var row = set.Reasons.FirstOrDefault(r => !before.TryGetValue(r.Slug, out var code) || code != codes[r.Slug]);
            var what = row is null ? "its reasons" : before.ContainsKey(row.Slug) ? $"{row.Slug} changes" : $"{row.Slug} is new";
            problems.Add(new(row?.At.File ?? DataFormat.Reasons.FileName, row?.At.Line, null, latest is null
                ? $"the codebook has no version yet: add codebook.csv with version 1, its date and a change note ({what})."
                : $"this changes the codebook ({what}): it makes version {next}, which needs its date and a change note saying what " +
                  $"changed and why (a row of codebook.csv; on a reason's form, the codebook change note)."));
        }
        else if (!changes && added.Count > 0 && latest is not null)
            problems.Add(new(added[0].At.File, added[0].At.Line, "version",
                $"version {added[0].Number} would change nothing: the reasons are those of version {latest.Number}. Leave the row " +
                $"out, or give the changed reasons in reasons.csv."));
        else if (after is null && added.Count > 0)
            problems.Add(new(added[0].At.File, added[0].At.Line, "version",
                "a codebook version needs reasons: give them in reasons.csv."));
        set.Coding = new Result(new Dictionary<string, CodingOutcome>(), added.Count > 0 ? after : null);
        return known;
    }

    /// <summary>
    /// The outcome after the import of each statement it codes or decides, and of each statement of its statements.csv that the
    /// store holds codings of: the set's codings replace a coder's stored ones; a changed coding reopens a standing decision.
    /// </summary>
    private static async Task<Dictionary<string, CodingOutcome>> OutcomesAsync(ArchiveDbContext db, ImportSet set,
        Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        var ids = set.Codings.Select(c => c.StatementId).Concat(set.Decisions.Select(d => d.StatementId))
            .Concat(set.Statements.Select(s => s.PublicId)).Distinct().ToList();
        var stored = new Dictionary<string, Dictionary<string, List<CodingKey>>>(StringComparer.Ordinal);
        var decided = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.Codings.AsNoTracking().Where(c => c.ReplacedAt == null && chunk.Contains(c.Statement.PublicId))
                .Select(c => new
                {
                    c.Statement.PublicId, c.Statement.Text, Coder = c.Coder.Key, Reason = c.Reason == null ? null : c.Reason.Slug,
                    Coding = c,
                })
                .ToListAsync(cancellationToken);
            foreach (var c in rows)
            {
                var byCoder = stored.TryGetValue(c.PublicId, out var found) ? found : stored[c.PublicId] = new(StringComparer.Ordinal);
                if (!byCoder.TryGetValue(c.Coder, out var keys)) byCoder[c.Coder] = keys = [];
                keys.Add(CodingKey.Stored(c.Reason, c.Coding, c.Text));
            }
            foreach (var d in await db.CodingDecisions.AsNoTracking()
                         .Where(d => d.ReplacedAt == null && chunk.Contains(d.Statement.PublicId))
                         .OrderBy(d => d.DecidedAt).Select(d => new { d.Statement.PublicId, d.Reasons }).ToListAsync(cancellationToken))
                decided[d.PublicId] = d.Reasons.Split(';', StringSplitOptions.RemoveEmptyEntries);
        }

        var given = set.Codings.GroupBy(c => c.StatementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.CoderKey, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => Keys(p)), StringComparer.Ordinal);
        var decisions = set.Decisions.GroupBy(d => d.StatementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecidedAt)!.ReasonSlugs, StringComparer.Ordinal);

        var outcomes = new Dictionary<string, CodingOutcome>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var byCoder = stored.TryGetValue(id, out var found) ? new Dictionary<string, List<CodingKey>>(found) : [];
            var changed = false;
            if (given.TryGetValue(id, out var fromSet))
                foreach (var (coder, keys) in fromSet)
                {
                    changed |= !byCoder.TryGetValue(coder, out var before) || !Same(before, keys);
                    byCoder[coder] = keys;
                }
            var decision = decisions.TryGetValue(id, out var fromFile) ? fromFile : changed ? null : decided.GetValueOrDefault(id);
            var sets = byCoder.Values.Select(keys => (IReadOnlySet<string>)keys.Where(k => k.Reason is not null)
                .Select(k => k.Reason!).ToHashSet(StringComparer.Ordinal)).ToList();
            outcomes[id] = CodingOutcome.Of(sets, decision);
        }
        return outcomes;
    }

    private static List<CodingKey> Keys(IEnumerable<CodingRow> rows) =>
        rows.Select(r => new CodingKey(r.ReasonSlug, r.Confidence, r.CodebookVersion, r.CodedAt, r.Note, r.Words)).ToList();

    private static bool Same(List<CodingKey> a, List<CodingKey> b) =>
        a.Count == b.Count
        && a.OrderBy(k => k.Reason, StringComparer.Ordinal).SequenceEqual(b.OrderBy(k => k.Reason, StringComparer.Ordinal));

    private static string NoSuchVersion(int number, IEnumerable<int> known) => known.Any()
        ? $"there is no codebook version {number}; the versions are {string.Join(", ", known.Order())} (codebook.csv)."
        : $"there is no codebook version {number}: the codebook has no version yet; add codebook.csv.";

    // A suggestion compares the key with every known one (there may be 100,000 statements): only for the problems that are listed.
    private static void Reference(RawRecord at, string column, string key, HashSet<string>? known, string table,
        ImportProblems problems) =>
        ArchiveImport.Reference(at, column, key, known, table, problems, suggest: problems.Total < ImportProblems.MaxListed);

    /// <summary>
    /// An archive that held reasons before codebook versions were recorded gets its first version at start-up: the reasons as
    /// they stand, dated that day. Their earlier changes stay in each reason's revisions.
    /// </summary>
    public static async Task<bool> RecordFirstVersionAsync(ArchiveDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CodebookVersions.AnyAsync(cancellationToken) || !await db.Reasons.AnyAsync(cancellationToken)) return false;
        var codes = (await db.Reasons.AsNoTracking().ToListAsync(cancellationToken)).Select(CodebookCode.Of);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BumpVersionAsync(cancellationToken);
        db.CodebookVersions.Add(new CodebookVersion
        {
            Number = 1, Dated = DateOnly.FromDateTime(now.UtcDateTime), CodesJson = CodebookCode.Serialize(codes),
            ChangeNote = "The reasons as they stood when this archive began to record versions of its codebook; their earlier " +
                "changes are in each reason's revisions.",
            RecordedAt = now, RecordedBy = "start-up",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The versions the set adds, with the codes of the reasons after the import for the last of them.</summary>
    public static TableChanges AddCodebookVersions(ArchiveDbContext db, ImportSet set, ImportActor actor, int storedVersions)
    {
        var added = set.Codebook.Where(r => r.Number > storedVersions).OrderBy(r => r.Number).ToList();
        for (var i = 0; i < added.Count; i++)
            db.CodebookVersions.Add(new CodebookVersion
            {
                Number = added[i].Number, Dated = added[i].Dated, ChangeNote = added[i].ChangeNote,
                CodesJson = i == added.Count - 1 ? set.Coding.Codes : null, RecordedAt = actor.At, RecordedBy = actor.By,
            });
        return new TableChanges("codebook", added.Count, 0, set.Codebook.Count - added.Count);
    }

    /// <summary>
    /// Writes the set's codings and decisions (statements, coders and reasons are written already); returns the counts, each
    /// coding and decision created or changed (for the preview), and the ids of statements whose published reasons this changed,
    /// for the search index.
    /// </summary>
    public static async Task<(List<TableChanges> Tables, List<RowChange> Rows, List<int> Changed)> WriteAsync(ArchiveDbContext db,
        ImportSet set, ImportActor actor, Dictionary<string, Reason> reasons, CancellationToken cancellationToken)
    {
        if (set.Codings.Count == 0 && set.Decisions.Count == 0)
            return ([new("codings", 0, 0, 0), new("decisions", 0, 0, 0)], [], []);
        var ids = set.Codings.Select(c => c.StatementId).Concat(set.Decisions.Select(d => d.StatementId)).Distinct().ToList();
        var statements = new Dictionary<string, (int Id, string Text)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
            foreach (var s in await db.Statements.Where(s => chunk.Contains(s.PublicId)).Select(s => new { s.PublicId, s.Id, s.Text })
                         .ToListAsync(cancellationToken))
                statements[s.PublicId] = (s.Id, s.Text);
        var coders = await db.Coders.ToDictionaryAsync(c => c.Key, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var slugs = reasons.Values.ToDictionary(r => r.Id, r => r.Slug);
        var textOf = statements.Values.ToDictionary(s => s.Id, s => s.Text);

        var stored = new Dictionary<(int Statement, int Coder), List<(int Id, CodingKey Key)>>();
        var standing = new Dictionary<int, List<CodingDecision>>();
        foreach (var chunk in statements.Values.Select(s => s.Id).Chunk(1000))
        {
            foreach (var c in await db.Codings.AsNoTracking().Where(c => c.ReplacedAt == null && chunk.Contains(c.StatementId))
                         .ToListAsync(cancellationToken))
            {
                if (!stored.TryGetValue((c.StatementId, c.CoderId), out var list)) stored[(c.StatementId, c.CoderId)] = list = [];
                list.Add((c.Id, CodingKey.Stored(c.ReasonId is { } r ? slugs[r] : null, c, textOf[c.StatementId])));
            }
            foreach (var d in await db.CodingDecisions.Where(d => d.ReplacedAt == null && chunk.Contains(d.StatementId))
                         .ToListAsync(cancellationToken))
                (standing.TryGetValue(d.StatementId, out var list) ? list : standing[d.StatementId] = []).Add(d);
        }

        var replaced = new List<int>();
        var inserts = new List<(int Statement, int Coder, CodingRow Row)>();
        var touched = new HashSet<int>();
        var rows = new List<RowChange>();
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var pair in set.Codings.GroupBy(c => (Statement: statements[c.StatementId].Id, Coder: coders[c.CoderKey])))
        {
            var keys = Keys(pair);
            var first = pair.First();
            var key = $"{first.StatementId}, coded by {first.CoderKey}";
            if (stored.TryGetValue(pair.Key, out var before))
            {
                if (Same(before.Select(b => b.Key).ToList(), keys)) { unchanged++; continue; }
                replaced.AddRange(before.Select(b => b.Id));
                updated++;
                rows.Add(new RowChange("codings", key, false, CodingFields(before.Select(b => b.Key).ToList(), keys)));
            }
            else
            {
                created++;
                rows.Add(new RowChange("codings", key, true, CodingFields(null, keys)));
            }
            touched.Add(pair.Key.Statement);
            inserts.AddRange(pair.Select(row => (pair.Key.Statement, pair.Key.Coder, row)));
        }
        foreach (var chunk in replaced.Chunk(1000))
            await db.Codings.Where(c => chunk.Contains(c.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ReplacedAt, actor.At), cancellationToken);
        await InsertCodingsAsync(db, inserts, textOf, reasons, actor, cancellationToken);

        // A changed coding reopens a standing decision; a decision the set gives stands, replacing earlier ones.
        var decisionsCreated = 0;
        var decisionsUnchanged = 0;
        var decidedHere = set.Decisions.Select(d => statements[d.StatementId].Id).ToHashSet();
        foreach (var id in touched.Where(id => !decidedHere.Contains(id)))
            foreach (var decision in standing.GetValueOrDefault(id) ?? []) decision.ReplacedAt = actor.At;
        foreach (var group in set.Decisions.GroupBy(d => statements[d.StatementId].Id))
        {
            var latest = group.MaxBy(d => d.DecidedAt)!;
            var kept = standing.GetValueOrDefault(group.Key) ?? [];
            foreach (var row in group)
            {
                var same = kept.FirstOrDefault(d => d.DecidedAt == row.DecidedAt);
                if (same is not null && same.Why == row.Why && same.Reasons == string.Join(';', row.ReasonSlugs))
                {
                    decisionsUnchanged++;
                    continue;
                }
                decisionsCreated++;
                touched.Add(group.Key);
                rows.Add(new RowChange("decisions", $"{row.StatementId}, decided {row.DecidedAt:yyyy-MM-dd HH:mm}", true,
                [
                    new("reasons", null, row.ReasonSlugs.Count == 0 ? "(none applies)" : string.Join(";", row.ReasonSlugs)),
                    new("codebook_version", null, row.CodebookVersion.ToString(CultureInfo.InvariantCulture)),
                    new("why", null, row.Why),
                ]));
                db.CodingDecisions.Add(new CodingDecision
                {
                    StatementId = group.Key, CodebookVersion = row.CodebookVersion, Reasons = string.Join(';', row.ReasonSlugs),
                    DecidedBy = actor.By, DecidedAt = row.DecidedAt, Why = row.Why, Origin = actor.Origin,
                    ReplacedAt = row == latest ? null : actor.At,
                });
            }
            foreach (var decision in kept.Where(d => d.DecidedAt != latest.DecidedAt)) decision.ReplacedAt = actor.At;
        }
        await db.SaveChangesAsync(cancellationToken);

        var changed = await PublishedReasons.UpdateAsync(db, touched, actor.By, actor.Origin, actor.At, cancellationToken);
        return ([new("codings", created, updated, unchanged), new("decisions", decisionsCreated, 0, decisionsUnchanged)], rows,
            changed);
    }

    /// <summary>A coder's coding of one statement as the preview lists it: its reasons and codebook version, before and after.</summary>
    private static List<FieldChange> CodingFields(List<CodingKey>? before, List<CodingKey> after)
    {
        static string Reasons(List<CodingKey> keys) => keys.All(k => k.Reason is null)
            ? "(none applies)"
            : string.Join(";", keys.Select(k => k.Reason).OfType<string>().Order(StringComparer.Ordinal));
        static string Versions(List<CodingKey> keys) =>
            string.Join(";", keys.Select(k => k.Version).Distinct().Order().Select(v => v.ToString(CultureInfo.InvariantCulture)));
        static string Confidences(List<CodingKey> keys) => string.Join(";",
            keys.Select(k => k.Confidence is { } c ? c.Slug() : "(not recorded)").Distinct().Order(StringComparer.Ordinal));
        var fields = new List<FieldChange>();
        if (before is null || Reasons(before) != Reasons(after))
            fields.Add(new("reasons", before is null ? null : Reasons(before), Reasons(after)));
        if (before is null || Versions(before) != Versions(after))
            fields.Add(new("codebook_version", before is null ? null : Versions(before), Versions(after)));
        if (before is null || Confidences(before) != Confidences(after))
            fields.Add(new("confidence", before is null ? null : Confidences(before), Confidences(after)));
        if (after.Any(k => k.Note is not null) && (before is null || fields.Count == 0)) fields.Add(new("note", null, "given"));
        // The same reasons, version and confidence with another note or other words: say that the coding's details changed.
        if (fields.Count == 0) fields.Add(new("note or words", "as stored", "as in the file"));
        return fields;
    }

    /// <summary>New codings, inserted with one prepared command on the import's transaction (an import may bring many).</summary>
    private static async Task InsertCodingsAsync(ArchiveDbContext db, List<(int Statement, int Coder, CodingRow Row)> rows,
        Dictionary<int, string> texts, Dictionary<string, Reason> reasons, ImportActor actor, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var insert = SqlCommands.Prepare(connection, transaction, """
            INSERT INTO "Codings" ("StatementId", "CoderId", "ReasonId", "CodebookVersion", "CodedAt", "Confidence", "Note",
                                   "SpanStart", "SpanEnd", "Origin")
            VALUES (@statement, @coder, @reason, @version, @codedAt, @confidence, @note, @spanStart, @spanEnd, @origin);
            """, "@statement", "@coder", "@reason", "@version", "@codedAt", "@confidence", "@note", "@spanStart", "@spanEnd", "@origin");
        insert.Parameters["@origin"].Value = actor.Origin;
        foreach (var (statement, coder, row) in rows)
        {
            var p = insert.Parameters;
            var span = row.Words is { } words ? Coding.SpanOf(texts[statement], words) : null;
            p["@statement"].Value = statement;
            p["@coder"].Value = coder;
            p["@reason"].Value = row.ReasonSlug is { } slug ? reasons[slug].Id : DBNull.Value;
            p["@version"].Value = row.CodebookVersion;
            p["@codedAt"].Value = row.CodedAt is { } at ? at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
            p["@confidence"].Value = row.Confidence is { } confidence ? confidence.ToString() : DBNull.Value;
            p["@note"].Value = (object?)row.Note ?? DBNull.Value;
            p["@spanStart"].Value = span is { } s ? s.Start : DBNull.Value;
            p["@spanEnd"].Value = span is { } e ? e.End : DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
