using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Testimonies.Web.Operations;

/// <summary>
/// ASP.NET Core health checks: <c>/healthz</c> answers while the process serves (liveness, no database), and
/// <c>/healthz/ready</c> runs <see cref="ArchiveReadiness"/> (200 ready, 503 not). Neither is cached.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/healthz/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ArchiveReadiness>("archive", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata(AllowedMethods.GetAndHead)).CacheOutput(policy => policy.NoCache());
        app.MapHealthChecks(Ready,
                new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata(AllowedMethods.GetAndHead)).CacheOutput(policy => policy.NoCache());
        return app;
    }

    /// <summary>JSON a monitor and a person can read: the overall status and each check's with its description.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description ?? (entry.Value.Exception is null ? null : "The check failed."),
            }),
        }, cancellationToken: context.RequestAborted);
    }
}
