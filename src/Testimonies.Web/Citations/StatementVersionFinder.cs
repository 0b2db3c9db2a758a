using System.Globalization;

namespace Testimonies.Web.Citations;

/// <summary>
/// One version of a statement, /s/{id}/v/{n}, as its page and its citation files find it: the version, the statement's current
/// one to compare it with, and every version for the list. Unknown id, draft, unknown number or a number that is not one
/// (/v/abc, /v/01) are not found (404); a withdrawn statement is gone (410), as its own page is.
/// </summary>
public static class StatementVersionFinder
{
    public sealed record Found(Statement Statement, StatementVersion Version, StatementVersion Current,
        IReadOnlyList<StatementVersion> All)
    {
        public bool IsCurrent => Version.Number == Current.Number;
    }

    /// <summary>The status to answer with, and the version when it is 200.</summary>
    public static async Task<(int Status, Found? Version)> FindAsync(ArchiveDbContext db, string id, string number,
        CancellationToken cancellationToken)
    {
        if (Number(number) is not { } n) return (StatusCodes.Status404NotFound, null);
        var statement = await db.Statements.AsNoTracking().SingleOrDefaultAsync(s => s.PublicId == id, cancellationToken);
        if (statement is null || statement.Status == PublicationStatus.Draft) return (StatusCodes.Status404NotFound, null);
        if (statement.Status == PublicationStatus.Withdrawn) return (StatusCodes.Status410Gone, null);
        var all = await db.StatementVersions.AsNoTracking().Where(v => v.StatementId == statement.Id).OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);
        if (all.FirstOrDefault(v => v.Number == n) is not { } version) return (StatusCodes.Status404NotFound, null);
        return (StatusCodes.Status200OK, new Found(statement, version, all[^1], all));
    }

    /// <summary>A version number as URLs write it: digits without a leading zero, so each version has one address.</summary>
    public static int? Number(string? text) =>
        text is { Length: > 0 and <= 9 } && text[0] != '0' && text.All(char.IsAsciiDigit)
            ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>The address of a version: what its page gives as canonical and its citations as their URL.</summary>
    public static string Address(string siteAddress, string publicId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteAddress}/s/{publicId}/v/{number}");

    /// <summary>
    /// The version as citations need it: its own words, speaker and locator, its address, and its number; the publication as the
    /// archive describes it now (a version records which source, not the source's record).
    /// </summary>
    public static async Task<CitedStatement> CiteAsync(ArchiveDbContext db, SourceTextLayouts layouts, Found found, string siteAddress,
        DateOnly accessed, CancellationToken cancellationToken)
    {
        var version = found.Version;
        var sourceId = await db.Sources.Where(s => s.Key == version.SourceKey).Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken) ?? found.Statement.SourceId;
        var work = await CitedWork.FindAsync(db, sourceId, cancellationToken);
        var place = await TextPlace.FindAsync(layouts, db, sourceId, version.TextVersion, version.AnchorStart, cancellationToken);
        return new CitedStatement(found.Statement.PublicId, version.Text, version.Kind, version.Language, version.SpeakerName,
            version.SpeakerDescription, version.Section, work!, Address(siteAddress, found.Statement.PublicId, version.Number), accessed,
            place, found.Statement.Provenance, found.Statement.ProvenanceWords, version.Number);
    }
}
