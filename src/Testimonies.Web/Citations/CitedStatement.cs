namespace Testimonies.Web.Citations;

/// <summary>
/// One statement as citations need it: the words, who said them as the source identifies them, where the
/// source prints them, and the archive page that shows them (its permalink, and the day it was read).
/// <see cref="Place"/> is read from the stored text (null when the statement is not anchored in one); footnote numbers
/// are not locators here: the words stand in the body text, not in the notes (docs/citations.md).
/// </summary>
public sealed record CitedStatement(
    string PublicId, string Text, StatementKind Kind, string Language, string? SpeakerName, string SpeakerDescription,
    string? Section, CitedWork Work, string Permalink, DateOnly Accessed, TextPlace? Place = null,
    Provenance Provenance = Provenance.NotStated, string? ProvenanceWords = null, int? Version = null)
{
    /// <summary>The speaker as the source names or describes them ("Abu Ibrahim", "a disillusioned British fighter from London").</summary>
    public string Speaker => SpeakerName ?? SpeakerDescription;

    /// <summary>
    /// The archive page's own title, used when citing the page; a version's page (<see cref="Version"/> set, the
    /// <see cref="Permalink"/> then /s/{id}/v/{n}) names its number, so every format carries it.
    /// </summary>
    public string PageTitle => Version is { } number
        ? $"Statement {PublicId}, version {number}: {Rendering.Sentence.Start(Speaker)}"
        : $"Statement {PublicId}: {Rendering.Sentence.Start(Speaker)}";

    /// <summary>The statements whose ids are given, with their sources, for citation files; published ones only.</summary>
    public static async Task<List<CitedStatement>> LoadAsync(ArchiveDbContext db, SourceTextLayouts layouts, IReadOnlyCollection<int> ids,
        string siteAddress, DateOnly accessed, CancellationToken cancellationToken)
    {
        var rows = new List<(int Id, CitedStatement Statement)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.PublishedStatements.AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new
                {
                    s.Id, s.PublicId, s.Text, s.Kind, s.Language, s.Speaker.Name, s.Speaker.Description, s.Section, s.SourceId,
                    s.TextVersion, s.AnchorStart, s.Provenance, s.ProvenanceWords,
                    Work = new CitedWork(s.Source.Key, s.Source.Title, s.Source.Subtitle, s.Source.TitleSentenceCase, s.Source.ShortTitle,
                        s.Source.Chapter, s.Source.ChapterTitle, s.Source.Series, s.Source.SeriesNumber, s.Source.Publisher,
                        s.Source.Author, s.Source.Published, s.Source.Url, s.Source.Language),
                })
                .ToListAsync(cancellationToken);
            foreach (var s in found)
            {
                var place = await TextPlace.FindAsync(layouts, db, s.SourceId, s.TextVersion, s.AnchorStart, cancellationToken);
                rows.Add((s.Id, new CitedStatement(s.PublicId, s.Text, s.Kind, s.Language, s.Name, s.Description, s.Section, s.Work,
                    $"{siteAddress}/s/{s.PublicId}", accessed, place, s.Provenance, s.ProvenanceWords)));
            }
        }
        // In the order asked for (a search's ranking), not the store's.
        var order = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return rows.OrderBy(r => order[r.Id]).Select(r => r.Statement).ToList();
    }
}
