using System.Globalization;

namespace Testimonies.Web.Archive;

/// <summary>
/// Makes statements' citable versions (StatementVersion). Every change to a statement goes through the import (the edit form and
/// the load of data/ included), which calls <see cref="AddChangedAsync"/> for the statements it changed and
/// <see cref="AddFirstVersionsAsync"/> for the ones it created; the migration that began versions gave every statement then in the
/// archive its version 1 with the first form of that SQL (for every statement without a version, frozen in the migration).
/// </summary>
public static class StatementVersions
{
    /// <summary>
    /// What a version holds, by the name readers see: a change to any of these makes a new version. Codings, reasons, context and
    /// content notes are not among them: a citation does not depend on them.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, Func<StatementVersion, string?> Value)> Fields =
    [
        ("words", v => v.Text),
        ("kind", v => v.Kind.Label()),
        ("language", v => v.Language),
        ("speaker", v => $"{v.SpeakerName ?? v.SpeakerDescription} ({v.SpeakerKey})"),
        ("source", v => v.SourceKey),
        ("section", v => v.Section),
        ("footnote marker", v => v.Footnote),
        ("place in the source's order", v => v.Position.ToString(CultureInfo.InvariantCulture)),
        ("version of the source's text", v => v.TextVersion?.ToString(CultureInfo.InvariantCulture)),
        // Offsets in Unicode code points (docs/data-format.md), said as characters to a reader.
        ("where the words stand in the source's text", v => v.AnchorStart is null ? null
            : string.Create(CultureInfo.InvariantCulture, $"characters {v.AnchorStart}–{v.AnchorEnd}")),
        ("when said", v => v.SaidWhen),
    ];

    /// <summary>The fields whose values differ between two versions, with each value before and after.</summary>
    public static List<(string Field, string? Before, string? After)> Differences(StatementVersion before, StatementVersion after) =>
        Fields.Select(f => (f.Field, Before: f.Value(before), After: f.Value(after)))
            .Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal)).ToList();

    /// <summary>The statement's state now as an unsaved version; its speaker and source must be loaded.</summary>
    public static StatementVersion Snapshot(Statement statement, DateTimeOffset at, string by, string origin) => new()
    {
        StatementId = statement.Id, Statement = statement, At = at, By = by, Origin = origin,
        Text = statement.Text, Kind = statement.Kind, Language = statement.Language,
        SpeakerKey = statement.Speaker.Key, SpeakerName = statement.Speaker.Name, SpeakerDescription = statement.Speaker.Description,
        SourceKey = statement.Source.Key, Section = statement.Section, Footnote = statement.Footnote, Position = statement.Position,
        TextVersion = statement.TextVersion, AnchorStart = statement.AnchorStart, AnchorEnd = statement.AnchorEnd,
        SaidWhen = statement.SaidWhen,
    };

    /// <summary>
    /// Adds a version for each changed statement whose citable state differs from its latest version (to be saved with the change):
    /// numbered one past it, with the revision that made it and its correction note. A statement without any version gets its
    /// present state as version 1; what it was before cannot be told fully, so no older version is made up.
    /// </summary>
    public static async Task<int> AddChangedAsync(ArchiveDbContext db,
        IReadOnlyList<(Statement Statement, StatementRevision? Revision)> changed, DateTimeOffset at, string by, string origin,
        CancellationToken cancellationToken)
    {
        var latest = new Dictionary<int, StatementVersion>();
        foreach (var chunk in changed.Select(c => c.Statement.Id).Where(id => id != 0).Distinct().Chunk(1000))
            foreach (var version in await db.StatementVersions.AsNoTracking()
                         .Where(v => chunk.Contains(v.StatementId)
                             && !db.StatementVersions.Any(n => n.StatementId == v.StatementId && n.Number > v.Number))
                         .ToListAsync(cancellationToken))
                latest[version.StatementId] = version;
        var added = 0;
        foreach (var (statement, revision) in changed)
        {
            var now = Snapshot(statement, at, by, origin);
            var before = latest.GetValueOrDefault(statement.Id);
            if (before is not null && Differences(before, now).Count == 0) continue;
            now.Number = (before?.Number ?? 0) + 1;
            now.Revision = revision;
            now.Note = revision?.Note;
            db.StatementVersions.Add(now);
            added++;
        }
        return added;
    }

    /// <summary>
    /// Gives the statements an import has just created their version 1: their present state, dated at their first revision. Only
    /// those: a pass over every statement and revision cost each import the whole archive. PostgreSQL takes their ids as one
    /// array in one command; SQLite, which has no arrays, a chunk at a time.
    /// </summary>
    public static async Task<int> AddFirstVersionsAsync(ArchiveDbContext db, IReadOnlyCollection<int> statementIds, DateTimeOffset at,
        string by, string origin, CancellationToken cancellationToken)
    {
        object[] actor = [at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), by, origin];
        if (db.IsPostgres)
            return statementIds.Count == 0 ? 0
                : await db.Database.ExecuteSqlRawAsync(FirstVersionsSql("{0}", "{1}", "{2}", "= ANY({3})"),
                    [.. actor, statementIds.ToArray()], cancellationToken);
        var added = 0;
        foreach (var chunk in statementIds.Chunk(FirstVersionsChunk))
            added += await db.Database.ExecuteSqlRawAsync(FirstVersionsSql("{0}", "{1}", "{2}", $"IN ({string.Join(',', chunk)})"),
                actor, cancellationToken); // integers only
        return added;
    }

    /// <summary>Statements given their version 1 in one command on SQLite.</summary>
    private const int FirstVersionsChunk = 2000;

    /// <summary>
    /// The SQL of <see cref="AddFirstVersionsAsync"/>, the same on SQLite and PostgreSQL (moments are ISO 8601 text on both);
    /// the three arguments are SQL for the moment, the actor and the origin used where a statement has no revision, and
    /// <paramref name="idCondition"/> the condition on a statement's id that picks them (<c>IN (1,2)</c>, <c>= ANY(@ids)</c>). Version 1
    /// is dated at the first revision (when the statement entered the archive) and made by the latest (after which it stood so).
    /// The first and latest revisions come from one grouped pass over the revisions: a join on a correlated MIN/MAX subquery
    /// was a join filter to PostgreSQL, every statement against every revision (over 600 s at 100,000 new statements).
    /// </summary>
    public static string FirstVersionsSql(string at, string by, string origin, string idCondition) => $"""
        INSERT INTO "StatementVersions" ("StatementId", "Number", "At", "By", "Origin", "Note", "RevisionId", "Text", "Kind",
            "Language", "SpeakerKey", "SpeakerName", "SpeakerDescription", "SourceKey", "Section", "Footnote", "Position",
            "TextVersion", "AnchorStart", "AnchorEnd", "SaidWhen")
        SELECT s."Id", 1, COALESCE(f."At", {at}), COALESCE(f."By", {by}), COALESCE(f."Origin", {origin}), NULL, r."Last", s."Text",
            s."Kind", s."Language", p."Key", p."Name", p."Description", o."Key", s."Section", s."Footnote", s."Position",
            s."TextVersion", s."AnchorStart", s."AnchorEnd", s."SaidWhen"
        FROM "Statements" s
        JOIN "Speakers" p ON p."Id" = s."SpeakerId"
        JOIN "Sources" o ON o."Id" = s."SourceId"
        LEFT JOIN (SELECT "StatementId", MIN("Id") AS "First", MAX("Id") AS "Last" FROM "Revisions"
                   WHERE "StatementId" {idCondition} GROUP BY "StatementId") r
            ON r."StatementId" = s."Id"
        LEFT JOIN "Revisions" f ON f."Id" = r."First"
        WHERE s."Id" {idCondition} AND NOT EXISTS (SELECT 1 FROM "StatementVersions" v WHERE v."StatementId" = s."Id");
        """;
}
