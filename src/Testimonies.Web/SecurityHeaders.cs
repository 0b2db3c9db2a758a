namespace Testimonies.Web;

/// <summary>Security headers on every response. Scripts and styles come from this site only (no inline script).</summary>
public static class SecurityHeaders
{
    /// <summary>Everything but framing, which is the one thing the two policies below decide differently.</summary>
    private const string SameOriginOnly =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

    public const string ContentSecurityPolicy = SameOriginOnly + "frame-ancestors 'none'";

    /// <summary>The same policy for the embeddable card: any site may frame it.</summary>
    public const string EmbedContentSecurityPolicy = SameOriginOnly + "frame-ancestors *";

    /// <summary>/s/{id}/embed and a set's embed (/sets/embed, /sets/{slug}/embed), and nothing else, may be shown in a frame.</summary>
    public static bool IsEmbed(PathString path) =>
        path.Value is { } value && value.EndsWith("/embed", StringComparison.Ordinal)
        && (value.StartsWith("/s/", StringComparison.Ordinal) && value.Count(c => c == '/') == 3
            || value == "/sets/embed" || value.StartsWith("/sets/", StringComparison.Ordinal) && value.Count(c => c == '/') == 3);

    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var embedPath = IsEmbed(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            // Only a card that was found may be framed; a 404 under /embed is an ordinary page.
            var embed = embedPath && context.Response.StatusCode == StatusCodes.Status200OK;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = embed ? EmbedContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            if (!embed) headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // A maintainer's pages are never stored by a browser or a shared cache.
            if (IsAdmin(context.Request.Path) || context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            if (!embed) headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
