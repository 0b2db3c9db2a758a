using Microsoft.AspNetCore.OutputCaching;

namespace Testimonies.Web.Archive;

/// <summary>
/// Output caching of public pages and data, keyed by the archive's version: every import and edit bumps
/// the version in its own transaction, so the next request after a change builds a fresh page, on every
/// instance that shares the database. Entries also expire after a minute (citations carry today's date).
/// Requests with a maintainer's session, and responses that set cookies, are never cached (the defaults).
/// A reader's display choice that changes a page (the classroom cover) is part of every key,
/// so that one reader's covered page is never served to another.
/// A page is kept from its second request on (<see cref="SecondRequestAdmission"/>); downloads from their first.
/// </summary>
public static class ArchiveOutputCache
{
    /// <param name="services">The site's services.</param>
    /// <param name="readerDisplay">The request's display choice as a key value ("cover" or "open"), given by the caller.</param>
    public static IServiceCollection AddArchiveOutputCache(this IServiceCollection services,
        Func<HttpRequest, string> readerDisplay) =>
        services.AddOutputCache(options =>
        {
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(1);
            // Capped below the default: one-off searches filled the default under the load benchmark (docs/performance.md).
            options.SizeLimit = 32 * 1024 * 1024;
            // A response is buffered for the cache up to this size (default 64 MB): a larger one could not be kept
            // beside the others anyway, and each concurrent whole-archive export held its copy (docs/performance.md).
            options.MaximumBodySize = 16 * 1024 * 1024;
            // /s/CSIS16-03 must not be answered with the cached page of /s/csis16-03: it redirects (301).
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(policy => policy
                .With(context => !SecurityHeaders.IsAdmin(context.HttpContext.Request.Path))
                .SetVaryByQuery("*")
                .VaryByValue(async (context, cancellationToken) =>
                {
                    var services = context.RequestServices;
                    var version = await services.GetRequiredService<ArchiveVersion>()
                        .GetAsync(services.GetRequiredService<ArchiveDbContext>(), cancellationToken);
                    return new KeyValuePair<string, string>("archive-version",
                        version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                })
                .VaryByValue(context => new KeyValuePair<string, string>("reader-display", readerDisplay(context.Request)))
                .Cache());
            options.AddBasePolicy(new SecondRequestAdmission(readerDisplay));
        });

    /// <summary>
    /// A download's entry varies by the query parameters it reads only (plus the archive's version): a tracking tag
    /// or any other new query string is served from the cache instead of building the file again. No locking: a
    /// request that waited on another one for a body too large to keep was answered with an empty body (200, 0 bytes);
    /// concurrent builds are bounded by the export limits (ExportLimits.cs) instead, which know a download by its
    /// <see cref="DownloadEndpoint"/> mark.
    /// </summary>
    public static TBuilder CacheAsDownload<TBuilder>(this TBuilder builder, params string[] readsQuery)
        where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(policy => policy.SetVaryByQuery(readsQuery).SetLocking(false)).WithMetadata(DownloadEndpoint.Marker);
}
