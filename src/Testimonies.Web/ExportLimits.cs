using System.Threading.RateLimiting;

namespace Testimonies.Web;

public static class ExportLimits
{
    public static PartitionedRateLimiter<HttpContext> CreateLimiter(ExportOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(""));
}
