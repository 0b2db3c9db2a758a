using Testimonies.Web.Citations;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// A set as its pages and downloads show it: a reader's (from the URL alone) or a curated one (<see cref="Curated"/>), its
/// published statements in the set's order as cards and as citations, and the ids it names that it cannot show.
/// </summary>
public sealed class QuoteSet
{
    public required SetRequest Request { get; init; }
    public CuratedSet? Curated { get; init; }
    public List<StatementCard> Cards { get; init; } = [];

    /// <summary>The same statements as <see cref="Cards"/>, in the same order, as citations see them.</summary>
    public List<CitedStatement> Cited { get; init; } = [];
    public List<MissingStatement> Missing { get; init; } = [];

    /// <summary>The reader's title, or the curated set's (the editors').</summary>
    public string? Title => Curated?.Title ?? Request.Title;

    /// <summary>What the page calls the set when it has no title.</summary>
    public string Heading => Title ?? "A set of statements";

    /// <summary>"/sets" for a reader's set, "/sets/{slug}" for a curated one: every address of the set starts so.</summary>
    public string BasePath => Curated is null ? "/sets" : $"/sets/{Curated.Slug}";

    /// <summary>
    /// One of the set's addresses: the page (""), "/handout", "/embed", ".bib" and so on, with the set's ids and title (a
    /// reader's set) and the cover as asked (<paramref name="cover"/> null: as this request asked).
    /// </summary>
    public string Url(string suffix = "", bool? cover = null, string? style = null)
    {
        var query = Curated is null ? SetRequest.Query(Request.Ids, Request.Title, cover ?? Request.Cover, style)
            : SetRequest.Query(null, null, cover ?? Request.Cover, style);
        return BasePath + suffix + (query.Length == 0 ? "" : "?" + query);
    }

    /// <summary>The sources' entries for one style (0 APA, 1 MLA, 2 Chicago), each publication once, in the set's order.</summary>
    public List<CitationText> Bibliography(int style) =>
        Cited.Select(c => CitationStyles.All(c)[style].Reference).DistinctBy(r => r.Plain).ToList();

    public static readonly string[] StyleNames = ["APA 7", "MLA 9", "Chicago 17"];

    /// <summary>The style a handout asks for (?style=apa|mla|chicago): its index in CitationStyles.All; Chicago else.</summary>
    public static int StyleIndex(string? style) => style?.ToLowerInvariant() switch
    {
        "apa" => 0,
        "mla" => 1,
        _ => 2,
    };

    /// <summary>
    /// The set's statements read from the archive: published ones as cards and citations in the set's order; the others
    /// named (a draft is "not in the archive", as a draft's page is).
    /// </summary>
    public static async Task<QuoteSet> LoadAsync(ArchiveDbContext db, SourceTextLayouts layouts, SetRequest request, CuratedSet? curated,
        string siteAddress, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = request.Ids;
        var found = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.PublicId))
            .Select(s => new { s.Id, s.PublicId, s.Status }).ToDictionaryAsync(s => s.PublicId, cancellationToken);
        var published = ids.Where(id => found.TryGetValue(id, out var s) && s.Status == PublicationStatus.Published)
            .Select(id => found[id].Id).ToList();
        var withdrawn = found.Values.Where(s => s.Status == PublicationStatus.Withdrawn).Select(s => s.Id).ToList();
        // The day of a withdrawn statement's last revision: the revision that withdrew it.
        var revised = (await db.Revisions.AsNoTracking().Where(r => withdrawn.Contains(r.StatementId))
                .Select(r => new { r.StatementId, r.At }).ToListAsync(cancellationToken))
            .GroupBy(r => r.StatementId).ToDictionary(g => g.Key, g => g.Max(r => r.At));

        var missing = new List<MissingStatement>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var s) || s.Status == PublicationStatus.Draft)
                missing.Add(new MissingStatement(id, "not in the archive"));
            else if (s.Status == PublicationStatus.Withdrawn)
                missing.Add(new MissingStatement(id, revised.TryGetValue(s.Id, out var at)
                    ? $"withdrawn on {Rendering.ReaderDate.Day(at)}"
                    : "withdrawn"));
        }

        var order = published.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var cards = (await Statements.StatementList.FirstAsync(
                db.PublishedStatements.AsNoTracking().Where(s => published.Contains(s.Id)).OrderBy(s => s.Id), published.Count,
                cancellationToken))
            .OrderBy(c => order[c.Id]).ToList();
        var cited = await CitedStatement.LoadAsync(db, layouts, published, siteAddress, today, cancellationToken);
        return new QuoteSet { Request = request, Curated = curated, Cards = cards, Cited = cited, Missing = missing };
    }

    /// <summary>
    /// The set a request asks for: the curated set <paramref name="slug"/> (published only), or the reader's set of the
    /// query's ids. Null with 404 when there is no such curated set, and with 422 when the address names too many ids
    /// (nothing is read then).
    /// </summary>
    public static async Task<(QuoteSet? Set, int Status)> ResolveAsync(HttpContext http, ArchiveDbContext db, string? slug,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var cover = query[SetRequest.CoverKey].FirstOrDefault() is "1" or "true";
        CuratedSet? curated = null;
        SetRequest request;
        if (slug is not null)
        {
            var key = slug.ToLowerInvariant();
            curated = await db.CuratedSets.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == key && c.Published, cancellationToken);
            if (curated is null) return (null, StatusCodes.Status404NotFound);
            request = SetRequest.Parse(curated.StatementIds, null, cover);
        }
        else request = SetRequest.Read(http.Request);
        if (request.TooMany) return (new QuoteSet { Request = request }, StatusCodes.Status422UnprocessableEntity);
        var services = http.RequestServices;
        var set = await LoadAsync(db, services.GetRequiredService<SourceTextLayouts>(), request, curated,
            Rendering.SiteAddress.Of(http.Request),
            CitationDownloads.Today(services.GetRequiredService<TimeProvider>()), cancellationToken);
        return (set, StatusCodes.Status200OK);
    }
}
