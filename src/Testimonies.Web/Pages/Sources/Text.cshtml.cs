namespace Testimonies.Web.Pages.Sources;

/// <summary>/sources/{key}/text: the source's stored text, its latest version, with the published statements marked in it.</summary>
public class TextModel(ArchiveDbContext db, SourceTextLayouts layouts) : PageModel
{
    public record SourceFacts(string Key, string Title, string? Chapter, string? ChapterTitle, string Publisher, PartialDate Published);

    /// <summary>A published statement that is not marked in the text shown, and why.</summary>
    public record Unmarked(string PublicId, StatementKind Kind, string Speaker, string Why);

    public SourceFacts Source { get; private set; } = null!;
    public SourceText Text { get; private set; } = null!;
    public TextLayout Layout { get; private set; } = null!;
    public ReaderParagraphs Paragraphs { get; private set; } = null!;
    public List<Unmarked> NotMarked { get; private set; } = [];
    public int Marked { get; private set; }

    public string Title => Source.ChapterTitle is null ? Source.Title : $"Chapter {Source.Chapter}: {Source.ChapterTitle}";

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Key == key)
            .Select(s => new { s.Id, Facts = new SourceFacts(s.Key, s.Title, s.Chapter, s.ChapterTitle, s.Publisher, s.Published) })
            .SingleOrDefaultAsync(cancellationToken);
        if (source is null || await layouts.GetAsync(db, source.Id, null, cancellationToken) is not { } found) return NotFound();
        var (text, layout) = found;
        Source = source.Facts;
        Text = text;
        Layout = layout;

        var statements = await db.PublishedInSourceOrder.AsNoTracking().Where(s => s.SourceId == source.Id)
            .Select(s => new
            {
                s.PublicId, s.Kind, s.TextVersion, s.AnchorStart, s.AnchorEnd,
                s.Speaker.Name, s.Speaker.Label, s.Speaker.Description,
            })
            .ToListAsync(cancellationToken);
        var highlights = new List<ReaderParagraphs.Highlight>();
        foreach (var s in statements)
        {
            var speaker = s.Name ?? s.Label ?? s.Description; // inside a sentence ("… by a Tunisian fighter"): not capitalised
            // Offsets are code points of the version they were computed on: only that version can show them.
            var (from, to) = s.TextVersion == text.Version && s.AnchorStart is { } start && s.AnchorEnd is { } end
                ? (SourceAnchor.Utf16Index(text.Text, start), SourceAnchor.Utf16Index(text.Text, end))
                : (-1, -1);
            if (from >= 0 && to >= from)
                highlights.Add(new(s.PublicId, s.Kind, speaker, from, to));
            else
                NotMarked.Add(new(s.PublicId, s.Kind, speaker, s.TextVersion is { } v && v != text.Version
                    ? $"anchored in version {v}, not in this version" : "not anchored in this version"));
        }
        Paragraphs = new ReaderParagraphs(layout, highlights);
        Marked = highlights.Count;
        return Page();
    }

    /// <summary>Called by the page after the paragraphs are written: spans that no paragraph could show.</summary>
    public IEnumerable<Unmarked> NotShown() => Paragraphs.NotShown.Select(h => new Unmarked(h.PublicId, h.Kind, h.Speaker,
        "anchored in this version, but outside the work’s paragraphs"));
}
