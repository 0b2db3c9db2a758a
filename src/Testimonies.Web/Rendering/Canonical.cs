namespace Testimonies.Web.Rendering;

/// <summary>
/// The canonical address of a page, for &lt;link rel="canonical"&gt;: the lower-case path, plus the
/// query parameters that choose what the page shows (a list's page number, a search's words and filters).
/// Anything else in the query (tracking tags, typos) is left out, so one page has one address.
/// </summary>
public static class Canonical
{
    private static readonly HashSet<string> SearchParameters = ["q", "reason", "theme", "nationality", "kind", "source", "sort"];

    public static string? For(HttpContext context, string? chosen)
    {
        if (chosen is not null) return chosen;
        var request = context.Request;
        // Error and not-found pages have no address of their own.
        if (context.Response.StatusCode >= 400) return null;
        var path = (request.Path.Value ?? "/").ToLowerInvariant();
        var kept = request.Query
            .Where(p => p.Key == "page" ? int.TryParse(p.Value, out var page) && page > 1 : path == "/search" && SearchParameters.Contains(p.Key))
            .SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v!)}"))
            .ToList();
        return $"{SiteAddress.Of(request)}{path}{(kept.Count == 0 ? "" : "?" + string.Join('&', kept))}";
    }
}
