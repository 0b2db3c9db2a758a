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
    private static readonly HashSet<string> HeavyPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        "/dataset.zip", "/search.csv", "/search.json", "/search.bib", "/search.ris", "/search.csl.json", "/api/v1/statements.csv",
    };

    public static bool IsHeavy(PathString path) => path.Value is { } value && HeavyPaths.Contains(value);

    public static IServiceCollection AddExportLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ExportOptions>>((options, settings) =>
        {
            options.GlobalLimiter = CreateLimiter(settings.Value);
            // The login's answer (Maintainers/MaintainerSetup.cs) stays the answer for everything else.
            var others = options.OnRejected;
            options.OnRejected = (context, cancellationToken) => IsHeavy(context.HttpContext.Request.Path)
                ? RejectAsync(context, cancellationToken)
                : others?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>Per address: a fixed window a minute; then all addresses together: a concurrency limit with a short queue.</summary>
    public static PartitionedRateLimiter<HttpContext> CreateLimiter(ExportOptions options) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsHeavy(context.Request.Path)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PerClientPerMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("")),
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsHeavy(context.Request.Path)
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
