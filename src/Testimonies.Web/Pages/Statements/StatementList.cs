using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Statements;

/// <summary>
/// Loads one page of statement cards for a list (statements, a reason, a speaker, a source).
/// The statements come in one query and their reasons in a second, keyed by the page's ids: EF's single
/// query with a reasons collection joins the whole link table, which grows with the archive.
/// </summary>
public static class StatementList
{
    /// <summary>
    /// The page asked for in ?page= of the request (Razor Pages reserves the "page" route value, so it is read from
    /// the query); a ?page= that is not a number answers 400, one past the end 404, each with its message.
    /// </summary>
    public static async Task<StatementListPage> PageAsync(IQueryable<Statement> ordered, HttpContext http, int pageSize,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var requested = request.Query["page"].ToString();
        var page = Pager.FromQuery(requested);
        var total = await ordered.CountAsync(cancellationToken);
        var pager = new Pager(page ?? 0, pageSize, total);
        var basePath = request.Path.Value ?? "/";
        var list = page is null ? new StatementListPage(pager, [], requested, basePath)
            : !pager.Exists ? new StatementListPage(pager, [], null, basePath)
            : new StatementListPage(pager, await LoadAsync(ordered, pager.Skip, pageSize, cancellationToken), null, basePath);
        if (list.ErrorStatus is { } status) http.Response.StatusCode = status;
        return list;
    }

    /// <summary>The first <paramref name="count"/> cards of a list, for a preview such as the home page's.</summary>
    public static Task<List<StatementCard>> FirstAsync(IQueryable<Statement> ordered, int count, CancellationToken cancellationToken) =>
        LoadAsync(ordered, 0, count, cancellationToken);

    private static async Task<List<StatementCard>> LoadAsync(IQueryable<Statement> ordered, int skip, int take,
        CancellationToken cancellationToken)
    {
        var cards = await ordered.Skip(skip).Take(take).Select(StatementCard.WithoutReasons).ToListAsync(cancellationToken);
        var ids = cards.Select(c => c.Id).ToList();
        var reasons = (await ordered.Where(s => ids.Contains(s.Id))
            .SelectMany(s => s.Reasons, (s, r) => new { StatementId = s.Id, r.Slug, r.Name, r.Position })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.StatementId);
        return cards.Select(c => c with
        {
            Reasons = reasons[c.Id].OrderBy(r => r.Position).Select(r => new ReasonLink(r.Slug, r.Name)).ToList(),
        }).ToList();
    }
}
