namespace Testimonies.Web.Rendering;

/// <summary>
/// The canonical address of a page, for &lt;link rel="canonical"&gt;: the one a page chose (a statement's
/// permalink, a search's words and filters), else the lower-case path plus a list's page number. Anything
/// else in the query (tracking tags, typos) is left out, so one page has one address.
/// </summary>
public static class Canonical
{
    public static string? For(HttpContext context, string? chosen)
    {
        // Error and not-found pages have no address of their own.
        if (context.Response.StatusCode >= 400) return null;
        if (chosen is not null) return chosen;
        var request = context.Request;
        var path = (request.Path.Value ?? "/").ToLowerInvariant();
        var page = int.TryParse(request.Query["page"].FirstOrDefault(), out var number) && number > 1 ? $"?page={number}" : "";
        return $"{SiteAddress.Of(request)}{path}{page}";
    }
}
