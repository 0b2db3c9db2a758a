using System.Reflection;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;
using Testimonies.Web.Search;

namespace Testimonies.Web.Importing;

/// <summary>
/// Validates a set of data files against the archive and applies it in one transaction: all or nothing.
/// Rows are matched by their stable keys, so importing the same files twice changes nothing. Every
/// statement, speaker, source and reason created or changed gets a revision (StatementRevision,
/// RowRevision), and the search index changes in the same transaction. Callers go through Importer.
/// </summary>
public static class ArchiveImport
{
    /// <summary>Cross-checks references against the file set and the store. Adds problems; writes nothing.</summary>
    public static async Task ValidateAsync(ArchiveDbContext db, ImportSet set, ImportProblems problems,
        CancellationToken cancellationToken)
    {
        var reasons = Known(set, "reasons", set.Reasons.Select(r => r.Slug),
            await db.Reasons.Select(r => r.Slug).ToListAsync(cancellationToken));
        var sources = Known(set, "sources", set.Sources.Select(s => s.Key),
            await db.Sources.Select(s => s.Key).ToListAsync(cancellationToken));
        var speakers = Known(set, "speakers", set.Speakers.Select(s => s.Key),
            await db.Speakers.Select(s => s.Key).ToListAsync(cancellationToken));

        foreach (var statement in set.Statements)
        {
            Reference(statement.At, "source", statement.SourceKey, sources, "sources.csv", problems);
            Reference(statement.At, "speaker", statement.SpeakerKey, speakers, "speakers.csv", problems);
            foreach (var slug in statement.ReasonSlugs)
                Reference(statement.At, "reasons", slug, reasons, "reasons.csv", problems);
        }
        foreach (var finding in set.Findings)
        {
            Reference(finding.At, "source", finding.SourceKey, sources, "sources.csv", problems);
            foreach (var slug in finding.ReasonSlugs)
                Reference(finding.At, "reasons", slug, reasons, "reasons.csv", problems);
        }
        // Rows left out for their own wrong cells: their other references are checked too, so that one upload says everything.
        foreach (var (at, column, key) in set.LooseReferences)
        {
            var (known, table) = column switch
            {
                "source" => (sources, "sources.csv"),
                "speaker" => (speakers, "speakers.csv"),
                _ => (reasons, "reasons.csv"),
            };
            Reference(at, column, key, known, table, problems);
        }

        await CheckPositionsAsync(db, set, problems, cancellationToken);
        // Only a set whose references hold is anchored: a statement of an unknown source has no text to stand in.
        if (problems.Count == 0) await TextAnchoring.CheckAsync(db, set, problems, cancellationToken);
        await CodingImport.ValidateAsync(db, set, problems, cancellationToken);

        // The words of a statement already in the archive are evidence: changing them needs a stated reason.
        foreach (var chunk in set.Statements.Chunk(1000))
        {
            var ids = chunk.Select(s => s.PublicId).ToList();
            var existing = await db.Statements.Where(s => ids.Contains(s.PublicId)).Select(s => new { s.PublicId, s.Text })
                .ToDictionaryAsync(s => s.PublicId, s => s.Text, cancellationToken);
            foreach (var row in chunk)
            {
                if (existing.TryGetValue(row.PublicId, out var text) && !string.Equals(text, row.Text, StringComparison.Ordinal)
                    && row.CorrectionNote is null)
                    problems.Add(new(row.At.File, row.At.Line, "correction_note",
                        $"this changes the words of statement {row.PublicId}, which is already in the archive. " +
                        $"Say why in the correction_note column (readers see it beside the correction), " +
                        $"or keep the words as they are."));
            }
        }
    }

    /// <summary>
    /// A position of a source held by another of its statements in the archive, one that the set does not move elsewhere, is
    /// refused: the file checks its own positions, this the archive's.
    /// </summary>
    private static async Task CheckPositionsAsync(ArchiveDbContext db, ImportSet set, ImportProblems problems,
        CancellationToken cancellationToken)
    {
        if (set.Statements.Count == 0) return;
        // A set with problems is checked too (every problem in one pass): a duplicate id is reported already, not counted twice here.
        var inSet = set.Statements.DistinctBy(s => s.PublicId, StringComparer.Ordinal)
            .ToDictionary(s => s.PublicId, s => (s.SourceKey, s.Position), StringComparer.Ordinal);
        // Only the positions the set asks for are read, through the (source, position) index: reading every statement of the
        // set's sources made each import into a large archive slower than the one before.
        var taken = new Dictionary<(string Source, int Position), string>();
        foreach (var source in set.Statements.GroupBy(s => s.SourceKey))
            foreach (var chunk in source.Select(s => s.Position).Distinct().Chunk(1000))
            {
                var held = await db.Statements.Where(s => s.Source.Key == source.Key && chunk.Contains(s.Position))
                    .Select(s => new { s.Position, s.PublicId }).ToListAsync(cancellationToken);
                foreach (var statement in held)
                {
                    // A statement the set moves or keeps says itself where it stands.
                    if (inSet.ContainsKey(statement.PublicId)) continue;
                    taken[(source.Key, statement.Position)] = statement.PublicId;
                }
            }
        foreach (var row in set.Statements)
        {
            if (!taken.TryGetValue((row.SourceKey, row.Position), out var other)) continue;
            problems.Add(new(row.At.File, row.At.Line, "position",
                $"position {row.Position} of {row.SourceKey} is taken by statement {other} in the archive; " +
                $"choose a free position, or move {other} in the same import."));
        }
    }

    /// <summary>
    /// The keys a reference to <paramref name="table"/> may name: the set's, the store's and those of the set's rows left out for
    /// their own problems; null when the table's file could not be read, so that its references cannot be checked.
    /// </summary>
    internal static HashSet<string>? Known(ImportSet set, string table, IEnumerable<string> inSet, IEnumerable<string> stored)
    {
        if (set.UnreadTables.Contains(table)) return null;
        var known = inSet.ToHashSet(StringComparer.Ordinal);
        known.UnionWith(stored);
        known.UnionWith(set.LooseKeysOf(table));
        return known;
    }

    /// <summary>
    /// A reference to a row neither the set nor the store holds; with the nearest known key when asked to suggest. Nothing is
    /// checked against an unknown list (null: its file could not be read).
    /// </summary>
    internal static void Reference(RawRecord at, string column, string key, HashSet<string>? known, string table,
        ImportProblems problems, bool suggest = true)
    {
        if (known is null || key.Length == 0 || known.Contains(key)) return;
        var hint = suggest ? Suggest.Nearest(key, known) : null;
        problems.Add(new(at.File, at.Line, column,
            $"“{key}” is not a known {column.TrimEnd('s')}"
            + (hint is null ? $"; add it to {table} first." : $"; did you mean “{hint}”?")));
    }

    /// <summary>
    /// Writes the set in its own transaction. Call only after validation found no problems. A given
    /// <paramref name="record"/> is marked applied (or added) in the same transaction, so the import and its record stand or fall together.
    /// </summary>
    public static async Task<ImportOutcome> ApplyAsync(ArchiveDbContext db, SearchIndex index, ImportSet set, ImportActor actor,
        CancellationToken cancellationToken, ImportRecord? record = null)
    {
        // The caller's transaction when it holds the writer lock (Importer, through ImportGate); else one of its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!;
        var (outcome, indexChange) = await WriteAsync(db, set, actor, cancellationToken);
        if (record is not null)
        {
            record.AppliedAt = actor.At;
            record.Summary = outcome.Summary;
            record.PreviewJson = "[]";
            if (record.Id == 0) db.Imports.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }
        // The index last, just before the commit: a rebuild's swap on PostgreSQL locks the index table against searches until
        // the commit, and the record's save (the files imported, their whole text) once held them there for over a second.
        await indexChange.WriteAsync(db, index, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>What applying the set would do: everything is written inside a transaction that is then rolled back.</summary>
    public static async Task<ImportOutcome> PreviewAsync(ArchiveDbContext db, SearchIndex index, ImportSet set, ImportActor actor,
        CancellationToken cancellationToken)
    {
        // In the caller's locked transaction, back to a savepoint: the caller may go on to write its record of the preview.
        var joined = db.Database.CurrentTransaction;
        await using var own = joined is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (joined is not null) await joined.CreateSavepointAsync(PreviewSavepoint, cancellationToken);
        var (outcome, indexChange) = await WriteAsync(db, set, actor, cancellationToken);
        await indexChange.WriteAsync(db, index, cancellationToken);
        if (joined is not null) await joined.RollbackToSavepointAsync(PreviewSavepoint, cancellationToken);
        else await own!.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return outcome;
    }

    private const string PreviewSavepoint = "preview";

    /// <summary>What the import changes in the search index, written after the rest (<see cref="ApplyAsync"/>).</summary>
    private sealed record IndexChange(bool Rebuild, IReadOnlyCollection<int> StatementIds)
    {
        public Task WriteAsync(ArchiveDbContext db, SearchIndex index, CancellationToken cancellationToken) =>
            Rebuild ? index.RebuildAsync(db, cancellationToken) : index.SyncAsync(db, StatementIds, cancellationToken);
    }

    private static async Task<(ImportOutcome Outcome, IndexChange Index)> WriteAsync(ArchiveDbContext db, ImportSet set,
        ImportActor actor, CancellationToken cancellationToken)
    {
        // Importer's writers hold ImportGate's database lock already; bumping the version first also locks the
        // archive's one state row, so that a writer outside the gate (a benchmark, a test) waits for this one.
        await db.BumpVersionAsync(cancellationToken);
        var tables = new List<TableChanges>();

        var rowRevisions = new List<RowRevision>();
        var reasons = await db.Reasons.Include(r => r.Findings).ToDictionaryAsync(r => r.Slug, cancellationToken);
        tables.Add(Upsert(db, "reasons", set.Reasons, r => r.Slug, reasons, actor, rowRevisions,
            row => new Reason { Slug = row.Slug, Name = row.Name, Definition = row.Definition }));

        var storedVersions = await db.CodebookVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        tables.Add(CodingImport.AddCodebookVersions(db, set, actor, storedVersions));

        var sources = await db.Sources.ToDictionaryAsync(s => s.Key, cancellationToken);
        tables.Add(Upsert(db, "sources", set.Sources, s => s.Key, sources, actor, rowRevisions,
            row => new Source { Key = row.Key, Title = row.Title, Publisher = row.Publisher }));

        foreach (var text in set.Anchoring.Texts)
            db.SourceTexts.Add(new SourceText
            {
                Source = sources[text.SourceKey], Version = text.Version, Text = text.Text, Sha256 = SourceText.HashOf(text.Text),
                TakenOn = text.TakenOn, Headings = text.Headings, EndsBefore = text.EndsBefore, CorrectionNote = text.CorrectionNote,
                StoredAt = actor.At,
            });

        var speakers = await db.Speakers.ToDictionaryAsync(s => s.Key, cancellationToken);
        tables.Add(Upsert(db, "speakers", set.Speakers, s => s.Key, speakers, actor, rowRevisions,
            row => new Speaker { Key = row.Key, Description = row.Description }));

        var coders = await db.Coders.ToDictionaryAsync(c => c.Key, cancellationToken);
        tables.Add(Upsert(db, "coders", set.Coders, c => c.Key, coders, actor, rowRevisions,
            row => new Coder { Key = row.Key, Label = row.Label }));

        // Statements already in the archive are updated through EF; new ones are inserted in bulk below. Each stored one is
        // compared untracked, chunk by chunk, and only those that differ are loaded again for EF to change: a re-import of
        // many unchanged statements then neither holds them nor has EF look for changes in them at the save.
        // In chunks, each chunk's ids as one parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL): as a parameter
        // a value, EF wrote the SQL of the reasons' split query again for every chunk (docs/performance.md, "The re-import").
        var unchangedIds = new HashSet<string>(StringComparer.Ordinal);
        var changedIds = new List<string>();
        foreach (var chunk in set.Statements.Chunk(1000))
        {
            var ids = chunk.Select(row => row.PublicId).ToList();
            // Split: as one query, SQLite joined every statement's reasons before picking the chunk's (docs/performance.md).
            var stored = await db.Statements.AsNoTracking().Include(s => s.Reasons).AsSplitQuery()
                .Where(s => EF.Parameter(ids).Contains(s.PublicId)).ToDictionaryAsync(s => s.PublicId, cancellationToken);
            foreach (var row in chunk)
            {
                if (!stored.TryGetValue(row.PublicId, out var statement)) continue;
                var same = ChangedFields(statement, row, sources[row.SourceKey], speakers[row.SpeakerKey],
                    set.Anchoring.Of(row.PublicId), set.Coding.ReasonsOf(row)).Count == 0;
                if (same) unchangedIds.Add(row.PublicId);
                else changedIds.Add(row.PublicId);
            }
        }
        var existing = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var chunk in changedIds.Chunk(1000))
        {
            foreach (var statement in await db.Statements.Include(s => s.Reasons).AsSplitQuery()
                         .Where(s => EF.Parameter(chunk).Contains(s.PublicId)).ToListAsync(cancellationToken))
                existing[statement.PublicId] = statement;
        }
        var changes = new List<StatementChange>();
        var revisions = new List<(Statement Statement, StatementRevision Revision)>();
        var created = new List<StatementRow>();
        var updated = 0;
        var unchanged = 0;
        foreach (var row in set.Statements)
        {
            if (unchangedIds.Contains(row.PublicId))
            {
                unchanged++;
                continue;
            }
            if (!existing.TryGetValue(row.PublicId, out var statement))
            {
                created.Add(row);
                // The preview lists at most MaxListed statements: a large import does not keep every new row's facts.
                changes.Add(new StatementChange(row.PublicId, true, [], null, row.Text, created.Count > ImportPreview.MaxListed ? null
                    : FieldValues(null, row, CreatedFacts, set.Coding.ReasonsOf(row))));
                continue;
            }
            var fields = ChangedFields(statement, row, sources[row.SourceKey], speakers[row.SpeakerKey], set.Anchoring.Of(row.PublicId),
                set.Coding.ReasonsOf(row));
            if (fields.Count == 0)
            {
                unchanged++;
                continue;
            }
            updated++;
            var oldText = statement.Text;
            var values = FieldValues(statement, row, fields, set.Coding.ReasonsOf(row));
            CopyInto(row, statement);
            SetAnchor(statement, set.Anchoring.Of(row.PublicId));
            statement.Source = sources[row.SourceKey];
            statement.Speaker = speakers[row.SpeakerKey];
            SetReasons(statement.Reasons, set.Coding.ReasonsOf(row), reasons);
            var textChanged = fields.Contains("text");
            changes.Add(new StatementChange(row.PublicId, false, fields, textChanged ? oldText : null, row.Text, values));
            revisions.Add((statement, new StatementRevision
            {
                At = actor.At, By = actor.By, Origin = actor.Origin, Changes = string.Join(", ", fields),
                PreviousText = textChanged ? oldText : null, Note = textChanged ? row.CorrectionNote : null,
            }));
        }
        tables.Add(new TableChanges("statements", created.Count, updated, unchanged));

        var findings = await db.Findings.Include(f => f.Reasons).ToDictionaryAsync(f => f.Key, cancellationToken);
        var counter = new Counter("findings");
        var rowChanges = new List<RowChange>();
        foreach (var row in set.Findings)
        {
            var finding = findings.GetValueOrDefault(row.Key);
            var isNew = finding is null;
            finding ??= findings[row.Key] =
                new PublishedFinding { Key = row.Key, Wording = row.Wording, Figure = row.Figure, Dataset = row.Dataset };
            var reasonsBefore = string.Join(";", finding.Reasons.Select(r => r.Slug).Order(StringComparer.Ordinal));
            var sourceBefore = isNew ? null : finding.Source.Key;
            CopyInto(row, finding);
            finding.Source = sources[row.SourceKey];
            var reasonsChanged = SetReasons(finding.Reasons, row.ReasonSlugs, reasons);
            if (isNew)
            {
                counter.Add(db, finding);
                rowChanges.Add(new RowChange("findings", row.Key, true, FindingFields(db, finding, null, null, null, row)));
                continue;
            }
            var entry = counter.Count(db, finding, reasonsChanged);
            var fields = FindingFields(db, finding, entry, sourceBefore, reasonsChanged ? reasonsBefore : null, row);
            if (fields.Count > 0) rowChanges.Add(new RowChange("findings", row.Key, false, fields));
        }
        tables.Add(counter.Result);

        // Statements the set leaves alone whose source's text changed: the same words, anchored in the new version.
        var reanchored = new List<Statement>();
        foreach (var chunk in set.Anchoring.Reanchored.Keys.Chunk(1000))
            foreach (var statement in await db.Statements.Where(s => chunk.Contains(s.PublicId)).ToListAsync(cancellationToken))
            {
                SetAnchor(statement, set.Anchoring.Reanchored[statement.PublicId]);
                reanchored.Add(statement);
            }

        foreach (var (statement, revision) in revisions) statement.Revisions.Add(revision);
        // A change to the words, the attribution or the locator makes a citable version; one to reasons or notes does not.
        await StatementVersions.AddChangedAsync(db,
            [
                .. revisions.Select(r => (r.Statement, (StatementRevision?)r.Revision)),
                .. reanchored.Select(s => (s, (StatementRevision?)null)),
            ],
            actor.At, actor.By, actor.Origin, cancellationToken);
        db.RowRevisions.AddRange(rowRevisions);
        await db.SaveChangesAsync(cancellationToken);

        var createdIds = await InsertStatementsAsync(db, created, set, sources, speakers, reasons, actor, cancellationToken);
        await StatementVersions.AddFirstVersionsAsync(db, createdIds, actor.At, actor.By, actor.Origin, cancellationToken);
        var (codingTables, codingRows, recoded) = await CodingImport.WriteAsync(db, set, actor, reasons, cancellationToken);
        tables.AddRange(codingTables);

        // The search index changes in the same transaction. A renamed speaker or reason appears in
        // many statements' index rows, so then the whole index is rebuilt.
        var indexChange = new IndexChange(tables.Any(c => c.Table is "speakers" or "reasons" && c.Updated > 0),
            [.. createdIds, .. revisions.Select(r => r.Statement.Id), .. recoded]);
        return (new ImportOutcome(tables, changes, [.. rowRevisions.Select(RowChangeOf), .. rowChanges, .. codingRows]), indexChange);
    }

    /// <summary>What the preview lists of a new statement besides its words: who, where, and how it would be shown.</summary>
    private static readonly List<string> CreatedFacts =
        ["kind", "speaker", "source", "position", "section", "footnote", "said_when", "status", "reasons", "content_note"];

    /// <summary>
    /// A finding's changed columns before and after, as the import format names them, or a new finding's every value (read
    /// through the model, as Upsert does for a new row): findings have no revisions of their own to read them from.
    /// </summary>
    private static List<FieldChange> FindingFields(ArchiveDbContext db, PublishedFinding finding,
        Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry? stored, string? sourceBefore, string? reasonsBefore, FindingRow row)
    {
        static bool Shown(string property) => property is not ("Id" or "Key" or "SourceId");
        var fields = stored is null
            ? db.Model.FindEntityType(typeof(PublishedFinding))!.GetProperties()
                .Where(p => Shown(p.Name) && p.PropertyInfo?.GetValue(finding) is not null)
                .Select(p => new FieldChange(ColumnName(p.Name), null, CellText(p.PropertyInfo!.GetValue(finding)))).ToList()
            : stored.Properties.Where(p => Shown(p.Metadata.Name) && p.IsModified)
                .Select(p => new FieldChange(ColumnName(p.Metadata.Name), CellText(p.OriginalValue), CellText(p.CurrentValue))).ToList();
        if (stored is null || sourceBefore != row.SourceKey) fields.Add(new FieldChange("source", sourceBefore, row.SourceKey));
        if (stored is null || reasonsBefore is not null)
            fields.Add(new FieldChange("reasons", reasonsBefore, string.Join(";", row.ReasonSlugs.Order(StringComparer.Ordinal))));
        return fields;
    }

    /// <summary>
    /// Creates or updates the rows of one table by their keys, counting what changed, with a revision for
    /// each row created or changed (a statement's revisions are written apart, with its words).
    /// </summary>
    private static TableChanges Upsert<TRow, TEntity>(ArchiveDbContext db, string table, IEnumerable<TRow> rows, Func<TRow, string> keyOf,
        Dictionary<string, TEntity> stored, ImportActor actor, List<RowRevision> revisions, Func<TRow, TEntity> create)
        where TEntity : class
    {
        var counter = new Counter(table);
        foreach (var row in rows)
        {
            var key = keyOf(row);
            if (stored.TryGetValue(key, out var entity))
            {
                CopyInto(row, entity);
                var entry = counter.Count(db, entity);
                var changed = entry.Properties.Where(p => p.IsModified).ToList();
                if (changed.Count == 0) continue;
                revisions.Add(Revision(table, key, actor, string.Join(", ", changed.Select(p => ColumnName(p.Metadata.Name))),
                    changed.ToDictionary(p => ColumnName(p.Metadata.Name), p => CellText(p.OriginalValue)),
                    changed.ToDictionary(p => ColumnName(p.Metadata.Name), p => CellText(p.CurrentValue))));
            }
            else
            {
                entity = stored[key] = create(row);
                CopyInto(row, entity);
                counter.Add(db, entity);
                // Read through the model, not the tracker: asking the tracker about an added row is what made imports quadratic.
                var values = db.Model.FindEntityType(typeof(TEntity))!.GetProperties()
                    .Where(p => !p.IsPrimaryKey() && p.PropertyInfo?.GetValue(entity) is not null)
                    .ToDictionary(p => ColumnName(p.Name), p => CellText(p.PropertyInfo!.GetValue(entity)));
                revisions.Add(Revision(table, key, actor, "created", null, values));
            }
        }
        return counter.Result;
    }

    private static RowRevision Revision(string table, string key, ImportActor actor, string changes,
        Dictionary<string, string?>? before, Dictionary<string, string?> after) => new()
    {
        Table = table, Key = key, At = actor.At, By = actor.By, Origin = actor.Origin, Changes = changes,
        Before = before is null ? null : JsonSerializer.Serialize(before), After = JsonSerializer.Serialize(after),
    };

    /// <summary>The import format's name of an entity property (docs/data-format.md), so a revision reads like the form.</summary>
    private static string ColumnName(string property) => property switch
    {
        nameof(Speaker.IsGroup) => "group",
        _ => string.Concat(property.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString())),
    };

    /// <summary>A value as the import format writes it.</summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        SpeakerRole role => role.Slug(),
        Theme theme => theme.Slug(),
        Confidence confidence => confidence.Slug(),
        bool flag => flag ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A row revision as the preview lists it: the values it is created with, or each changed field before and after.</summary>
    private static RowChange RowChangeOf(RowRevision revision)
    {
        var before = revision.Before is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(revision.Before) ?? [];
        var after = JsonSerializer.Deserialize<Dictionary<string, string?>>(revision.After ?? "{}") ?? [];
        return new RowChange(revision.Table, revision.Key, revision.Before is null,
            after.Select(field => new FieldChange(field.Key, before.GetValueOrDefault(field.Key), field.Value)).ToList());
    }

    /// <summary>
    /// Each changed field of a stored statement before and after, as the import format writes it (the words apart); for a new
    /// statement (no stored one), the fields' values that are given.
    /// </summary>
    private static List<FieldChange> FieldValues(Statement? s, StatementRow row, List<string> fields, IReadOnlyCollection<string> reasons)
    {
        string? Before(string field) => s is null ? null : field switch
        {
            "kind" => s.Kind.Slug(), "language" => s.Language, "source" => s.Source.Key, "speaker" => s.Speaker.Key,
            "position" => CellText(s.Position), "section" => s.Section, "footnote" => s.Footnote, "said_when" => s.SaidWhen,
            "context" => s.Context, "content_note" => s.ContentNote, "status" => s.Status.Slug(),
            "reasons" => string.Join(";", s.Reasons.Select(r => r.Slug).Order(StringComparer.Ordinal)),
            "provenance" => s.Provenance.Slug(), "provenance_words" => s.ProvenanceWords, "spoken_language" => s.SpokenLanguage,
            "translated" => CellText(s.Translated), _ => null,
        };
        string? After(string field) => field switch
        {
            "kind" => row.Kind.Slug(), "language" => row.Language, "source" => row.SourceKey, "speaker" => row.SpeakerKey,
            "position" => CellText(row.Position), "section" => row.Section, "footnote" => row.Footnote, "said_when" => row.SaidWhen,
            "context" => row.Context, "content_note" => row.ContentNote, "status" => row.Status.Slug(),
            "reasons" => string.Join(";", reasons.Order(StringComparer.Ordinal)),
            "provenance" => row.Provenance.Slug(), "provenance_words" => row.ProvenanceWords, "spoken_language" => row.SpokenLanguage,
            "translated" => CellText(row.Translated), _ => null,
        };
        return fields.Where(f => f is not ("text" or "anchor")).Select(f => new FieldChange(f, Before(f), After(f)))
            .Where(change => s is not null || !string.IsNullOrEmpty(change.After)).ToList();
    }

    /// <summary>The import's names of the fields that differ between the stored statement and the row.</summary>
    private static List<string> ChangedFields(Statement s, StatementRow row, Source source, Speaker speaker,
        TextAnchoring.Placed? placed, IReadOnlyCollection<string> reasons)
    {
        var fields = new List<string>();
        if (!string.Equals(s.Text, row.Text, StringComparison.Ordinal)) fields.Add("text");
        if (s.Kind != row.Kind) fields.Add("kind");
        if (s.Language != row.Language) fields.Add("language");
        if (s.SourceId != source.Id) fields.Add("source");
        if (s.SpeakerId != speaker.Id) fields.Add("speaker");
        if (s.Position != row.Position) fields.Add("position");
        if (s.Section != row.Section) fields.Add("section");
        if (s.Footnote != row.Footnote) fields.Add("footnote");
        if (s.SaidWhen != row.SaidWhen) fields.Add("said_when");
        if (s.Context != row.Context) fields.Add("context");
        if (s.ContentNote != row.ContentNote) fields.Add("content_note");
        if (s.Status != row.Status) fields.Add("status");
        if (!s.Reasons.Select(r => r.Slug).ToHashSet().SetEquals(reasons)) fields.Add("reasons");
        if (s.Provenance != row.Provenance) fields.Add("provenance");
        if (s.ProvenanceWords != row.ProvenanceWords) fields.Add("provenance_words");
        if (s.SpokenLanguage != row.SpokenLanguage) fields.Add("spoken_language");
        if (s.Translated != row.Translated) fields.Add("translated");
        if (s.TextVersion != placed?.TextVersion || s.AnchorStart != placed?.Anchor.Start || s.AnchorEnd != placed?.Anchor.End)
            fields.Add("anchor");
        return fields;
    }

    /// <summary>Where the words stand in their source's text, or nothing when the source has none.</summary>
    private static void SetAnchor(Statement statement, TextAnchoring.Placed? placed)
    {
        statement.TextVersion = placed?.TextVersion;
        statement.AnchorStart = placed?.Anchor.Start;
        statement.AnchorEnd = placed?.Anchor.End;
        statement.AnchorPrefix = placed?.Anchor.Prefix;
        statement.AnchorSuffix = placed?.Anchor.Suffix;
    }

    /// <summary>New statements, their reasons and their first revision, without EF's change tracking (StatementInserts).</summary>
    private static async Task<List<int>> InsertStatementsAsync(ArchiveDbContext db, List<StatementRow> rows, ImportSet set,
        Dictionary<string, Source> sources, Dictionary<string, Speaker> speakers, Dictionary<string, Reason> reasons, ImportActor actor,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var news = rows.Select(row => new StatementInserts.NewStatement(row, set.Anchoring.Of(row.PublicId), speakers[row.SpeakerKey].Id,
            sources[row.SourceKey].Id)).ToList();
        var ids = await StatementInserts.InsertAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(),
            news, row => set.Coding.ReasonsOf(row).Distinct().Select(slug => reasons[slug].Id), actor, cancellationToken);
        // PostgreSQL plans the import's next commands (first versions, the index's rows) from the tables' statistics, which do not
        // count the rows just copied (an autovacuum during the import may even have found its pages empty): nested loops over
        // whole scans turned a benchmark's seconds into minutes (docs/performance.md). ANALYZE in the transaction samples its own
        // rows, takes no lock a reader or writer waits for, and keeps autovacuum from analyzing these tables again until commit.
        if (db.IsPostgres && rows.Count >= StatementInserts.AnalyzeFrom)
            await db.Database.ExecuteSqlRawAsync(
                """ANALYZE "Speakers", "Sources", "Statements", "StatementReasons", "Revisions";""", cancellationToken);
        return ids;
    }

    /// <summary>
    /// Copies a row's values into the entity's properties of the same name and type: the rows are named after
    /// the model (ReasonRow.Theme → Reason.Theme), so a new column is copied without another line here.
    /// </summary>
    private static void CopyInto<TRow, TEntity>(TRow row, TEntity entity)
    {
        foreach (var (from, to) in SameNamed<TRow, TEntity>.Properties) to.SetValue(entity, from.GetValue(row));
    }

    private static class SameNamed<TRow, TEntity>
    {
        public static readonly (PropertyInfo From, PropertyInfo To)[] Properties = typeof(TRow).GetProperties()
            .Select(from => (From: from, To: typeof(TEntity).GetProperty(from.Name)))
            .Where(pair => pair.To is { CanWrite: true } && pair.To.PropertyType == pair.From.PropertyType)
            .Select(pair => (pair.From, pair.To!))
            .ToArray();
    }

    /// <summary>Makes the list hold exactly the named reasons; says whether it changed.</summary>
    private static bool SetReasons(List<Reason> current, IReadOnlyCollection<string> slugs, Dictionary<string, Reason> reasons)
    {
        if (current.Select(r => r.Slug).ToHashSet().SetEquals(slugs)) return false;
        current.Clear();
        current.AddRange(slugs.Distinct().Select(slug => reasons[slug]));
        return true;
    }

    /// <summary>
    /// Adds new rows and tells updated rows from unchanged ones through EF's change tracker. New rows
    /// are added only once every property is set: asking the tracker about an added row re-examines
    /// the graph around it, which made a large import quadratic (33,000 new statements took minutes).
    /// </summary>
    private sealed class Counter(string table)
    {
        private int _created, _updated, _unchanged;

        public void Add(ArchiveDbContext db, object entity)
        {
            db.Add(entity);
            _created++;
        }

        public Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Count(ArchiveDbContext db, object entity, bool linksChanged = false)
        {
            var entry = db.Entry(entity);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified || linksChanged) _updated++;
            else _unchanged++;
            return entry;
        }

        public TableChanges Result => new(table, _created, _updated, _unchanged);
    }
}
