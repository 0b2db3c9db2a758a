namespace Testimonies.Web.Pages.Statements;

/// <summary>
/// What the statement page shows of where the words stand and how they reached the source: the stored text they were
/// checked against and their place in it, the source's own words about how it got them, and what it says of language.
/// </summary>
public sealed record StatementEvidence(
    int? CheckedVersion,
    int? LatestVersion,
    string? Locator,
    Provenance Provenance,
    string? ProvenanceWords,
    string? SpokenLanguage,
    bool? Translated)
{
    public const string NotStated = "not stated by the source";

    /// <summary>The reader shows the latest version: only a statement anchored in it is marked there.</summary>
    public bool MarkedInReader => CheckedVersion is { } version && version == LatestVersion;

    /// <summary>The evidence of a statement whose place in its stored text the page has already found (null: not anchored).</summary>
    public static async Task<StatementEvidence> LoadAsync(ArchiveDbContext db, Statement statement, TextPlace? place,
        CancellationToken cancellationToken)
    {
        var latest = await db.LatestSourceTexts.AsNoTracking().Where(t => t.SourceId == statement.SourceId)
            .Select(t => (int?)t.Version).SingleOrDefaultAsync(cancellationToken);
        var locator = place is null ? null
            : place.Locator + (statement.Footnote is { } footnote ? $", before footnote marker {footnote}" : "");
        return new(statement.TextVersion, latest, locator, statement.Provenance, statement.ProvenanceWords,
            statement.SpokenLanguage, statement.Translated);
    }
}
