using System.Threading.RateLimiting;

namespace Testimonies.Web.Reports;

/// <summary>
/// How many reports one client address may send: a fixed window per address, so that a script cannot fill the
/// editors' queue. Asked by the form's page itself (not the middleware), so that a refusal is a page of the site
/// that keeps what the reader wrote.
/// </summary>
public sealed class ReportLimits : IDisposable
{
    public const int PerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PerWindow, Window = Window, QueueLimit = 0 }));

    /// <summary>True when the client may send one more; otherwise false, with how long until it may.</summary>
    public bool TryAcquire(HttpContext context, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
