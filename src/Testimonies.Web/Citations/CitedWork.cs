namespace Testimonies.Web.Citations;

/// <summary>
/// The publication as citations need it. It names no author when <see cref="Author"/> is null: the publisher then stands as author.
/// </summary>
public sealed record CitedWork(
    string Key, string Title, string? Subtitle, string? TitleSentenceCase, string? ShortTitle, string? Chapter, string? ChapterTitle,
    string? Series, string? SeriesNumber, string Publisher, string? Author, PartialDate Published, string? Url, string Language)
{
    /// <summary>Who the citation names as author: the author as printed, or the publishing organisation.</summary>
    public string Creator => Author ?? Publisher;

    /// <summary>True when the organisation that published the work is also its author (cite it once, as author).</summary>
    public bool PublisherIsAuthor => Author is null || string.Equals(Author, Publisher, StringComparison.Ordinal);

    /// <summary>Title and subtitle as stored ("Title: Subtitle").</summary>
    public string FullTitle => Subtitle is null ? Title : $"{Title}: {Subtitle}";

    public static async Task<CitedWork?> FindAsync(ArchiveDbContext db, int sourceId, CancellationToken cancellationToken) =>
        await db.Sources.AsNoTracking().Where(s => s.Id == sourceId).Select(Projection).SingleOrDefaultAsync(cancellationToken);

    public static readonly System.Linq.Expressions.Expression<Func<Source, CitedWork>> Projection = s => new CitedWork(
        s.Key, s.Title, s.Subtitle, s.TitleSentenceCase, s.ShortTitle, s.Chapter, s.ChapterTitle,
        s.Series, s.SeriesNumber, s.Publisher, s.Author, s.Published, s.Url, s.Language);

    private static readonly Func<Source, CitedWork> FromSource = Projection.Compile();

    public static CitedWork From(Source source) => FromSource(source);
}
