using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Testimonies.Web.Operations;

/// <summary>The output cache's own store, counting each lookup as a hit or a miss (<see cref="ArchiveMetrics.CacheLookups"/>).</summary>
internal sealed class CountingOutputCacheStore(IOutputCacheStore store) : IOutputCacheBufferStore
{
    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private static T Count<T>(T found, bool hit)
    {
        ArchiveMetrics.CacheLookups.Add(1, hit ? Hit : Miss);
        return found;
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(key, cancellationToken);
        return Count(found, found is not null);
    }

    // The middleware prefers the buffer form when the store has it, as the built-in memory store does.
    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (store is not IOutputCacheBufferStore buffers) return await GetAsync(key, cancellationToken) is { } bytes
            && await WriteAsync(destination, bytes, cancellationToken);
        var found = await buffers.TryGetAsync(key, destination, cancellationToken);
        return Count(found, found);
    }

    private static async ValueTask<bool> WriteAsync(PipeWriter destination, byte[] bytes, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        store.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor,
        CancellationToken cancellationToken) => store is IOutputCacheBufferStore buffers
        ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
        : store.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);
}
