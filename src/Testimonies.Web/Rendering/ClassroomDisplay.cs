namespace Testimonies.Web.Rendering;

/// <summary>
/// The classroom display: a reader's choice to see words that carry a content note behind a cover that names the note
/// and opens on request. Kept in a cookie; a page's <c>cover=1</c> or <c>cover=0</c> overrides it for that request, so
/// that a shared link or an embed can ask for the cover whatever the reader's browser holds. The output cache varies by
/// <see cref="CacheValue"/>, or a covered page would be served to readers who did not ask for it.
/// </summary>
public static class ClassroomDisplay
{
    public const string CookieName = "classroom";
    public const string CookieValue = "cover";
    public const string QueryName = "cover";

    /// <summary>Whether this request's pages cover words with a content note: the query, else the cookie.</summary>
    public static bool IsOn(HttpRequest request) =>
        Choice(request.Query[QueryName]) ?? request.Cookies[CookieName] == CookieValue;

    /// <summary>The cover state as the output cache's key sees it.</summary>
    public static string CacheValue(HttpRequest request) => IsOn(request) ? "cover" : "open";

    /// <summary>"1" or "on" asks for the cover, "0" or "off" for none; anything else (or several values) is no choice.</summary>
    public static bool? Choice(string? value) => value switch
    {
        "1" or "on" => true,
        "0" or "off" => false,
        _ => null,
    };

    /// <summary>
    /// A path on this site to go back to ("/s/csis16-14?q=x"), or null: never another site ("//evil.example",
    /// "https://…", "/\evil.example"), never a control character, at most 2,000 characters.
    /// </summary>
    public static string? LocalReturn(string? value) =>
        value is { Length: > 0 and <= 2000 } && value[0] == '/'
            && (value.Length == 1 || (value[1] != '/' && value[1] != '\\'))
            && !value.Any(c => char.IsControl(c) || c == '\\')
            ? value : null;

    /// <summary>A local return path as a Location header may carry it: anything but printable ASCII percent-encoded (UTF-8).</summary>
    public static string ForLocation(string localPath)
    {
        var written = new System.Text.StringBuilder(localPath.Length);
        foreach (var rune in localPath.EnumerateRunes())
        {
            written.Append(rune.Value is > 0x20 and < 0x7F ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }
        return written.ToString();
    }

    /// <summary>The cookie that keeps the choice: a year, the whole site, sent on links from other sites (Lax).</summary>
    public static CookieOptions CookieOptions(HttpRequest request, TimeProvider clock) => new()
    {
        Path = "/",
        MaxAge = TimeSpan.FromDays(365),
        Expires = clock.GetUtcNow().AddDays(365),
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        // Only the server reads it; nothing needs it in a script.
        HttpOnly = true,
        IsEssential = true,
    };
}
