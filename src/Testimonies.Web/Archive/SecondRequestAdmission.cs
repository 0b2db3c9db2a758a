using Microsoft.AspNetCore.OutputCaching;

namespace Testimonies.Web.Archive;

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
