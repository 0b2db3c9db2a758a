using Testimonies.Web.Citations;
using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Statements;

public class DetailsModel(ArchiveDbContext db, TimeProvider clock, SourceTextLayouts layouts) : PageModel
{
    public record SpeakerFacts(string Key, string? Name, string? Label, string Description, string? Nationality, SpeakerRole Role,
        bool IsGroup)
    {
        /// <summary>The name, or the archive's label, or the source's words: what tells this speaker apart.</summary>
        public string DisplayName => Name ?? Label ?? Description;
    }
    public record SourceFacts(string Key, string Title, string? Subtitle, string? Chapter, string? ChapterTitle, string Publisher,
        string? Author, PartialDate Published, string? Url);
    public record Neighbour(string PublicId, string Text, string? ContentNote);

    public Statement Statement { get; private set; } = null!;
    public SpeakerFacts Speaker { get; private set; } = null!;
    public SourceFacts Source { get; private set; } = null!;
    public List<ReasonLink> Reasons { get; private set; } = [];
    public Neighbour? Previous { get; private set; }
    public Neighbour? Next { get; private set; }

    /// <summary>Where the words stand in the source's stored text, and how they reached the source.</summary>
    public StatementEvidence Evidence { get; private set; } = null!;

    /// <summary>How its reasons were arrived at: the coders' codings and an editor's decision.</summary>
    public StatementCoding Coding { get; private set; } = null!;

    /// <summary>When the statement last changed after it entered the archive; null if never.</summary>
    public DateTimeOffset? LastRevised { get; private set; }

    /// <summary>The latest correction of the words themselves: when, and the maintainers' note.</summary>
    public (DateTimeOffset At, string? Note)? Correction { get; private set; }

    /// <summary>The statement's citable versions, oldest first (the last is the current one): /s/{id}/v/{n}.</summary>
    public List<StatementVersion> Versions { get; private set; } = [];

    /// <summary>The statement as citations see it, read today.</summary>
    public CitedStatement Cited { get; private set; } = null!;
    public IReadOnlyList<StyledCitation> Citations => CitationStyles.All(Cited);

    public string Locator => Archive.Statement.Locator(Source.Chapter, Statement.Footnote, Statement.Section);
    public string Permalink => $"{Rendering.SiteAddress.Of(Request)}/s/{Statement.PublicId}";

    /// <summary>The classroom display is on and these words have a content note: they are shown behind a cover.</summary>
    public bool Covered => Statement.ContentNote is not null && ClassroomDisplay.IsOn(Request);

    /// <summary>Whether a neighbour's words are shown in the links before and after, or only its identifier.</summary>
    public bool Hides(Neighbour neighbour) => neighbour.ContentNote is not null && ClassroomDisplay.IsOn(Request);

    public string EmbedSnippet => EmbedSnippetFor("");

    /// <summary>The embed code with the classroom cover on, whatever the host page's readers chose.</summary>
    public string CoveredEmbedSnippet => EmbedSnippetFor($"?{ClassroomDisplay.QueryName}=1");

    private string EmbedSnippetFor(string query) => EmbedCode.For(SiteAddress.Of(Request), $"/s/{Statement.PublicId}/embed{query}",
        $"Statement {Statement.PublicId} from the Testimonies archive");

    public StatementMetadata Metadata => new(
        Title: Statement.Kind == StatementKind.Quotation ? $"“{Shorten(Statement.Text, 150)}”" : Shorten(Statement.Text, 150),
        PageTitle: Cited.PageTitle,
        Description: Statement.Text,
        Language: Statement.Language,
        Permalink: Permalink,
        SiteAddress: Rendering.SiteAddress.Of(Request),
        SpeakerName: Speaker.Name ?? Speaker.Description,
        SpeakerIsGroup: Speaker.IsGroup,
        Kind: Statement.Kind,
        Text: Statement.Text,
        Work: Cited.Work);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking().SingleOrDefaultAsync(s => s.PublicId == id, cancellationToken);
        var lowerCase = id.ToLowerInvariant();
        if (statement is null && !string.Equals(id, lowerCase, StringComparison.Ordinal)
            && await db.Statements.AnyAsync(s => s.PublicId == lowerCase, cancellationToken))
        {
            // Identifiers are lower-case; a link typed or printed in capitals still arrives, permanently redirected.
            return RedirectPermanent($"/s/{lowerCase}");
        }
        if (statement is null || statement.Status == PublicationStatus.Draft) return NotFound();
        Statement = statement;
        if (statement.Status == PublicationStatus.Withdrawn)
        {
            // The permanent URL stays meaningful: say that the statement was withdrawn rather than pretend it never existed.
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Speaker = await db.Speakers.AsNoTracking().Where(s => s.Id == statement.SpeakerId)
            .Select(s => new SpeakerFacts(s.Key, s.Name, s.Label, s.Description, s.Nationality, s.Role, s.IsGroup))
            .SingleAsync(cancellationToken);
        Source = await db.Sources.AsNoTracking().Where(s => s.Id == statement.SourceId)
            .Select(s => new SourceFacts(s.Key, s.Title, s.Subtitle, s.Chapter, s.ChapterTitle, s.Publisher, s.Author, s.Published, s.Url))
            .SingleAsync(cancellationToken);
        var work = await CitedWork.FindAsync(db, statement.SourceId, cancellationToken);
        var place = await TextPlace.FindAsync(layouts, db, statement.SourceId, statement.TextVersion, statement.AnchorStart,
            cancellationToken);
        Cited = new CitedStatement(statement.PublicId, statement.Text, statement.Kind, statement.Language, Speaker.Name,
            Speaker.Description, statement.Section, work!, Permalink, CitationDownloads.Today(clock), place, statement.Provenance,
            statement.ProvenanceWords);
        Reasons = await db.Statements.Where(s => s.Id == statement.Id)
            .SelectMany(s => s.Reasons).OrderBy(r => r.Position)
            .Select(r => new ReasonLink(r.Slug, r.Name))
            .ToListAsync(cancellationToken);

        Evidence = await StatementEvidence.LoadAsync(db, statement, place, cancellationToken);
        Coding = await StatementCoding.LoadAsync(db, statement, cancellationToken);

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.StatementId == statement.Id && r.Changes != "created")
            .OrderByDescending(r => r.Id).Select(r => new { r.At, r.Note, TextChanged = r.PreviousText != null })
            .ToListAsync(cancellationToken);
        LastRevised = revisions.FirstOrDefault()?.At;
        if (revisions.FirstOrDefault(r => r.TextChanged) is { } correction) Correction = (correction.At, correction.Note);

        Versions = await db.StatementVersions.AsNoTracking().Where(v => v.StatementId == statement.Id).OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);

        var sameSource = db.PublishedStatements.AsNoTracking().Where(s => s.SourceId == statement.SourceId);
        Previous = await sameSource.Where(s => s.Position < statement.Position).OrderByDescending(s => s.Position)
            .Select(s => new Neighbour(s.PublicId, s.Text, s.ContentNote)).FirstOrDefaultAsync(cancellationToken);
        Next = await sameSource.Where(s => s.Position > statement.Position).OrderBy(s => s.Position)
            .Select(s => new Neighbour(s.PublicId, s.Text, s.ContentNote)).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    public static string Shorten(string text, int length = 80) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', length) is > 20 and var cut ? cut : length), "…");
}
