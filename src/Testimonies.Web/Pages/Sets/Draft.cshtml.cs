using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Testimonies.Web.Citations;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// /sets/draft: the set the reader is building (the draft cookie, DraftSet), with controls to reorder and remove that work
/// without JavaScript, a title, and the set's shareable address. Never cached or compressed: it is one reader's, with a token.
/// </summary>
[OutputCache(NoStore = true)]
public class DraftModel(ArchiveDbContext db, SourceTextLayouts layouts, TimeProvider clock) : PageModel
{
    public QuoteSet Set { get; private set; } = null!;
    public string? Note { get; private set; }
    public string SiteAddress => Rendering.SiteAddress.Of(Request);

    public async Task OnGetAsync(string? note, CancellationToken cancellationToken)
    {
        DoNotCompress();
        Response.Headers.CacheControl = "no-store";
        Note = note switch
        {
            "added" => "Added to your set.",
            "already" => "That statement is in your set already.",
            "full" => $"Your set holds {SetRequest.MaxStatements} statements, as many as a set may; remove one to add another.",
            "unknown" => "That is not a published statement; nothing was added.",
            _ => null,
        };
        var request = new SetRequest(DraftSet.Read(Request), [], [], null, false, false);
        Set = await QuoteSet.LoadAsync(db, layouts, request, null, SiteAddress, CitationDownloads.Today(clock), cancellationToken);
    }

    public IActionResult OnPostMove(string? id, int by)
    {
        var ids = DraftSet.Read(Request).ToList();
        var at = ids.IndexOf(id ?? "");
        var to = at + Math.Sign(by);
        if (at >= 0 && to >= 0 && to < ids.Count) (ids[at], ids[to]) = (ids[to], ids[at]);
        DraftSet.Write(Response, ids);
        return SeeOther();
    }

    public IActionResult OnPostRemove(string? id)
    {
        var ids = DraftSet.Read(Request).Where(i => i != id).ToList();
        DraftSet.Write(Response, ids);
        return SeeOther();
    }

    public IActionResult OnPostClear()
    {
        DraftSet.Write(Response, []);
        return SeeOther();
    }

    private StatusCodeResult SeeOther()
    {
        Response.Headers.Location = "/sets/draft";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void DoNotCompress()
    {
        if (HttpContext.Features.Get<IHttpsCompressionFeature>() is { } compression) compression.Mode = HttpsCompressionMode.DoNotCompress;
    }
}
