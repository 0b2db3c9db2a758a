namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// The set a reader is building, kept in their browser only: a cookie of ids (at most a set's 50), read and written by
/// /sets/add and /sets/draft without JavaScript and by site.js with it. Public pages never read it, so they stay cacheable.
/// </summary>
public static class DraftSet
{
    public const string CookieName = "testimonies-set";
    public const string IdKey = "id";

    /// <summary>What /sets/draft says after an add (?added=…); a fixed word, never the reader's text.</summary>
    public const string NoteKey = "note";

    public static IReadOnlyList<string> Read(HttpRequest request) =>
        SetRequest.Parse(request.Cookies[CookieName] ?? "", null, false).Ids.Take(SetRequest.MaxStatements).ToList();

    public static void Write(HttpResponse response, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return;
        }
        // Not HttpOnly: the page's script adds to the same cookie. It holds public ids only.
        response.Cookies.Append(CookieName, string.Join(',', ids), new CookieOptions
        {
            Path = "/", SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps, MaxAge = TimeSpan.FromDays(90),
            IsEssential = true,
        });
    }

    /// <summary>GET /sets/add?id=…: the id added to the draft if it is a published statement with room left; 303 to the draft.</summary>
    public static async Task<IResult> Add(HttpContext http, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var id = http.Request.Query[IdKey].FirstOrDefault()?.Trim().ToLowerInvariant() ?? "";
        var ids = Read(http.Request).ToList();
        string note;
        if (!SetRequest.IsIdShape(id) || !await db.PublishedStatements.AnyAsync(s => s.PublicId == id, cancellationToken)) note = "unknown";
        else if (ids.Contains(id)) note = "already";
        else if (ids.Count >= SetRequest.MaxStatements) note = "full";
        else
        {
            ids.Add(id);
            Write(http.Response, ids);
            note = "added";
        }
        http.Response.Headers.CacheControl = "no-store";
        return new SeeOther($"/sets/draft?{NoteKey}={note}");
    }

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
