using Testimonies.Web.Citations;
using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Sources;

public class DetailsModel(ArchiveDbContext db) : PageModel
{
    public record TextFacts(int Version, string Sha256, PartialDate? TakenOn);

    public Source Source { get; private set; } = null!;

    /// <summary>The latest stored text of the source, or null when the archive holds none.</summary>
    public TextFacts? Text { get; private set; }

    /// <summary>
    /// For each style: the chapter (null when the source is not a chapter, and in APA, which gives a chapter its own entry only
    /// in an edited book) and the whole publication.
    /// </summary>
    public IEnumerable<(string Style, CitationText? Chapter, CitationText Whole)> Citations
    {
        get
        {
            var work = CitedWork.From(Source);
            var isChapter = work.ChapterTitle is not null;
            yield return ("APA 7", null, CitationStyles.ApaReference(work));
            yield return ("MLA 9", isChapter ? CitationStyles.MlaChapterReference(work) : null, CitationStyles.MlaReference(work));
            yield return ("Chicago 17 (bibliography)", isChapter ? CitationStyles.ChicagoChapterReference(work) : null,
                CitationStyles.ChicagoReference(work));
        }
    }
    public const int PageSize = 50;

    public StatementListPage Statements { get; private set; } = null!;
    public List<FindingCard> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (source is null) return NotFound();
        Source = source;
        Text = await db.LatestSourceTexts.AsNoTracking().Where(t => t.SourceId == source.Id)
            .Select(t => new TextFacts(t.Version, t.Sha256, t.TakenOn)).SingleOrDefaultAsync(cancellationToken);
        // In the order the words appear in the source, so the page reads as the source does.
        Statements = await StatementList.PageAsync(
            db.PublishedInSourceOrder.AsNoTracking().Where(s => s.SourceId == source.Id), HttpContext, PageSize, cancellationToken);
        Findings = await db.Findings.AsNoTracking()
            .Where(f => f.SourceId == source.Id)
            .OrderBy(f => f.Id)
            .Select(FindingCard.Projection)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
