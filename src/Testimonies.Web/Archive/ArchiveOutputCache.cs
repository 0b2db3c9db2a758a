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

/// <summary>
/// Keeps a page in the output cache only when it is asked for again: the first request of an address builds the page
/// and is noted, a later one builds it again and keeps it. One-off searches, the long tail of what readers type, were
/// each kept for a minute; under new searches the cache turned over its whole size every few seconds and the pages it
/// dropped died in the GC's oldest generation, whose free space the site then held (docs/performance.md, "Memory").
/// The notes are a fixed table of hashes, so the admission allocates nothing and holds 64 KB: a note is overwritten by
/// another address with the same slot, which at worst builds a page once more. Downloads are kept from their first
/// request: they are few addresses and costly to build.
/// </summary>
internal sealed class SecondRequestAdmission(Func<HttpRequest, string> readerDisplay) : IOutputCachePolicy
{
    private const int Slots = 16 * 1024;
    private readonly int[] _seen = new int[Slots];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.AllowCacheStorage && http.GetEndpoint()?.Metadata.GetMetadata<DownloadEndpoint>() is null
            && !AskedBefore(http.Request))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>Notes the request's address and tells whether the same address (and display) was noted before.</summary>
    private bool AskedBefore(HttpRequest request)
    {
        var hash = HashCode.Combine(request.Path.Value, request.QueryString.Value, readerDisplay(request));
        if (hash == 0) hash = 1; // 0 is a slot never written
        return Interlocked.Exchange(ref _seen[(uint)hash % Slots], hash) == hash;
    }
}
