using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Testimonies.Web;

/// <summary>
/// The heavy exports (the dataset, the search's and the API's whole result sets, a search's citation files) are
/// limited per client address and, together, in how many are built at once: an anonymous client cannot make the
/// server build many at a time. Pages and the paged API are not limited here. Over a limit: 429, Retry-After.
/// </summary>
public static class ExportLimits
{
    /// <summary>A heavy export is an endpoint marked as a download where it is mapped (CacheAsDownload).</summary>
    public static bool IsHeavy(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DownloadEndpoint>() is not null;

    public static IServiceCollection AddExportLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ExportOptions>>((options, settings) =>
        {
            options.GlobalLimiter = CreateLimiter(settings.Value);
            // The login's answer (Maintainers/MaintainerSetup.cs) stays the answer for everything else.
            var others = options.OnRejected;
            options.OnRejected = (context, cancellationToken) => IsHeavy(context.HttpContext)
                ? RejectAsync(context, cancellationToken)
                : others?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>Per address: a fixed window a minute; then all addresses together: a concurrency limit with a short queue.</summary>
    public static PartitionedRateLimiter<HttpContext> CreateLimiter(ExportOptions options) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsHeavy(context)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PerClientPerMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("")),
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsHeavy(context)
            ? RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentTotal, QueueLimit = options.QueueTotal,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("")));

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // The window says when it reopens; a full queue has no date, so a short wait is suggested.
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 10;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync($"Too many downloads at once from this address or in total. Wait {seconds} seconds, " +
            "then try again.", cancellationToken);
    }
}
