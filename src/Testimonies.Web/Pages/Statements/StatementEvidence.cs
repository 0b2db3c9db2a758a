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
    bool? Translated,
    string? SpeakerLabel)
{
    public const string NotStated = "not stated by the source";

    /// <summary>The reader shows the latest version: only a statement anchored in it is marked there.</summary>
    public bool MarkedInReader => CheckedVersion is { } version && version == LatestVersion;

    public static async Task<StatementEvidence> LoadAsync(ArchiveDbContext db, SourceTextLayouts layouts, Statement statement,
        CancellationToken cancellationToken)
    {
        var latest = await db.SourceTexts.AsNoTracking().Where(t => t.SourceId == statement.SourceId)
            .MaxAsync(t => (int?)t.Version, cancellationToken);
        string? locator = null;
        if (statement.TextVersion is { } version && statement.AnchorStart is { } start
            && await layouts.GetAsync(db, statement.SourceId, version, cancellationToken) is { Layout: var layout }
            && layout.ParagraphAtCodePoint(start) is { } paragraph)
        {
            locator = TextLayout.Describe(paragraph)
                + (statement.Footnote is { } footnote ? $", before footnote marker {footnote}" : "");
        }
        var label = await db.Speakers.AsNoTracking().Where(s => s.Id == statement.SpeakerId).Select(s => s.Label)
            .SingleOrDefaultAsync(cancellationToken);
        return new(statement.TextVersion, latest, locator, statement.Provenance, statement.ProvenanceWords,
            statement.SpokenLanguage, statement.Translated, label);
    }
}
