using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Search;

namespace Testimonies.Web.Importing;

/// <summary>Counts of what an import did (or, for a preview, would do) to one table.</summary>
public sealed record TableChanges(string Table, int Created, int Updated, int Unchanged);

/// <summary>
/// Validates a set of data files against the archive and applies it in one transaction: all or nothing.
/// Rows are matched by their stable keys, so importing the same files twice changes nothing.
/// </summary>
public static class ArchiveImport
{
    /// <summary>Cross-checks references against the file set and the store. Adds problems; writes nothing.</summary>
    public static async Task ValidateAsync(ArchiveDbContext db, ImportSet set, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var reasons = set.Reasons.Select(r => r.Slug).ToHashSet();
        reasons.UnionWith(await db.Reasons.Select(r => r.Slug).ToListAsync(cancellationToken));
        var sources = set.Sources.Select(s => s.Key).ToHashSet();
        sources.UnionWith(await db.Sources.Select(s => s.Key).ToListAsync(cancellationToken));
        var speakers = set.Speakers.Select(s => s.Key).ToHashSet();
        speakers.UnionWith(await db.Speakers.Select(s => s.Key).ToListAsync(cancellationToken));

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
    }

    private static void Reference(RawRecord at, string column, string key, HashSet<string> known, string table, List<ImportProblem> problems)
    {
        if (key.Length == 0 || known.Contains(key)) return;
        var hint = Suggest.Nearest(key, known);
        problems.Add(new(at.File, at.Line, column,
            $"“{key}” is not a known {column.TrimEnd('s')}" + (hint is null ? $"; add it to {table} first." : $"; did you mean “{hint}”?")));
    }

    /// <summary>Writes the set in one transaction. Call only after validation found no problems.</summary>
    public static async Task<IReadOnlyList<TableChanges>> ApplyAsync(ArchiveDbContext db, ImportSet set, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = new List<TableChanges>();

        var reasons = await db.Reasons.Include(r => r.Findings).ToDictionaryAsync(r => r.Slug, cancellationToken);
        var counter = new Counter("reasons");
        foreach (var row in set.Reasons)
        {
            var reason = reasons.GetValueOrDefault(row.Slug);
            var isNew = reason is null;
            reason ??= reasons[row.Slug] = new Reason { Slug = row.Slug, Name = row.Name, Definition = row.Definition };
            reason.Name = row.Name;
            reason.Theme = row.Theme;
            reason.Definition = row.Definition;
            reason.Boundary = row.Boundary;
            reason.Position = row.Position;
            if (isNew) counter.Add(db, reason); else counter.Count(db, reason);
        }
        changes.Add(counter.Result);

        var sources = await db.Sources.ToDictionaryAsync(s => s.Key, cancellationToken);
        counter = new Counter("sources");
        foreach (var row in set.Sources)
        {
            var source = sources.GetValueOrDefault(row.Key);
            var isNew = source is null;
            source ??= sources[row.Key] = new Source { Key = row.Key, Title = row.Title, Publisher = row.Publisher };
            source.Title = row.Title;
            source.Subtitle = row.Subtitle;
            source.TitleSentenceCase = row.TitleSentenceCase;
            source.ShortTitle = row.ShortTitle;
            source.Chapter = row.Chapter;
            source.ChapterTitle = row.ChapterTitle;
            source.Series = row.Series;
            source.SeriesNumber = row.SeriesNumber;
            source.Publisher = row.Publisher;
            source.Author = row.Author;
            source.Published = row.Published;
            source.Url = row.Url;
            source.Language = row.Language;
            source.Notes = row.Notes;
            if (isNew) counter.Add(db, source); else counter.Count(db, source);
        }
        changes.Add(counter.Result);

        var speakers = await db.Speakers.ToDictionaryAsync(s => s.Key, cancellationToken);
        counter = new Counter("speakers");
        foreach (var row in set.Speakers)
        {
            var speaker = speakers.GetValueOrDefault(row.Key);
            var isNew = speaker is null;
            speaker ??= speakers[row.Key] = new Speaker { Key = row.Key, Description = row.Description };
            speaker.Name = row.Name;
            speaker.Description = row.Description;
            speaker.Nationality = row.Nationality;
            speaker.Role = row.Role;
            speaker.IsGroup = row.IsGroup;
            speaker.Notes = row.Notes;
            if (isNew) counter.Add(db, speaker); else counter.Count(db, speaker);
        }
        changes.Add(counter.Result);

        // In chunks: EF sends each value of a Contains list as its own SQL parameter, and SQLite allows
        // at most 32,766 of them in one statement.
        var statements = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var chunk in set.Statements.Select(s => s.PublicId).Chunk(1000))
        {
            foreach (var existing in await db.Statements.Include(s => s.Reasons).Where(s => chunk.Contains(s.PublicId)).ToListAsync(cancellationToken))
                statements[existing.PublicId] = existing;
        }
        counter = new Counter("statements");
        foreach (var row in set.Statements)
        {
            var statement = statements.GetValueOrDefault(row.PublicId);
            var isNew = statement is null;
            statement ??= statements[row.PublicId] = new Statement { PublicId = row.PublicId, Text = row.Text };
            statement.Text = row.Text;
            statement.Kind = row.Kind;
            statement.Language = row.Language;
            statement.Source = sources[row.SourceKey];
            statement.Speaker = speakers[row.SpeakerKey];
            statement.Position = row.Position;
            statement.Section = row.Section;
            statement.Footnote = row.Footnote;
            statement.SaidWhen = row.SaidWhen;
            statement.Context = row.Context;
            statement.ContentNote = row.ContentNote;
            statement.Status = row.Status;
            var reasonsChanged = SetReasons(statement.Reasons, row.ReasonSlugs, reasons);
            if (isNew) counter.Add(db, statement); else counter.Count(db, statement, reasonsChanged);
        }
        changes.Add(counter.Result);

        var findings = await db.Findings.Include(f => f.Reasons).ToDictionaryAsync(f => f.Key, cancellationToken);
        counter = new Counter("findings");
        foreach (var row in set.Findings)
        {
            var finding = findings.GetValueOrDefault(row.Key);
            var isNew = finding is null;
            finding ??= findings[row.Key] = new PublishedFinding { Key = row.Key, Wording = row.Wording, Figure = row.Figure, Dataset = row.Dataset };
            finding.Source = sources[row.SourceKey];
            finding.Footnote = row.Footnote;
            finding.Wording = row.Wording;
            finding.Figure = row.Figure;
            finding.Percent = row.Percent;
            finding.Dataset = row.Dataset;
            finding.DatasetSize = row.DatasetSize;
            var reasonsChanged = SetReasons(finding.Reasons, row.ReasonSlugs, reasons);
            if (isNew) counter.Add(db, finding); else counter.Count(db, finding, reasonsChanged);
        }
        changes.Add(counter.Result);

        await db.SaveChangesAsync(cancellationToken);

        // The search index changes in the same transaction. A renamed speaker or reason appears in
        // many statements' index rows, so then the whole index is rebuilt.
        if (changes.Any(c => c.Table is "speakers" or "reasons" && c.Updated > 0))
            await SearchIndex.RebuildAsync(db, cancellationToken);
        else
            await SearchIndex.SyncAsync(db, statements.Values.Select(s => s.Id).ToList(), cancellationToken);
        await db.BumpVersionAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return changes;
    }

    /// <summary>Makes the list hold exactly the named reasons; says whether it changed.</summary>
    private static bool SetReasons(List<Reason> current, IReadOnlyList<string> slugs, Dictionary<string, Reason> reasons)
    {
        if (current.Select(r => r.Slug).ToHashSet().SetEquals(slugs)) return false;
        current.Clear();
        current.AddRange(slugs.Select(slug => reasons[slug]));
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

        public void Count(ArchiveDbContext db, object entity, bool linksChanged = false)
        {
            var entry = db.Entry(entity);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified || linksChanged) _updated++;
            else _unchanged++;
        }

        public TableChanges Result => new(table, _created, _updated, _unchanged);
    }
}
