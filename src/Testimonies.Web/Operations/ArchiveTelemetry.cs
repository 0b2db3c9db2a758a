using Microsoft.AspNetCore.OutputCaching;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Testimonies.Web.Operations;

/// <summary>
/// OpenTelemetry metrics when <see cref="TelemetryOptions.Exporter"/> names an exporter: ASP.NET Core's (requests, Kestrel,
/// routing, rate limiting), the runtime's (GC, heap, thread pool), EF Core's own meter, and the archive's
/// (<see cref="ArchiveMetrics"/>: searches, imports, output cache hits). With no exporter nothing is registered.
/// </summary>
public static class ArchiveTelemetry
{
    public static readonly string[] Exporters = ["none", "console", "otlp"];

    public static IServiceCollection AddArchiveTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = options.Exporter.Trim().ToLowerInvariant();
        if (exporter is "" or "none") return services;
        if (!Exporters.Contains(exporter))
            throw new ArchiveConfigurationException($"Telemetry:Exporter is “{options.Exporter}”; it must be one of " +
                $"{string.Join(", ", Exporters)}.");
        Uri? endpoint = null;
        if (exporter == "otlp" && options.OtlpEndpoint.Trim() is { Length: > 0 } configured
            && (!Uri.TryCreate(configured, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            throw new ArchiveConfigurationException($"Telemetry:OtlpEndpoint is “{configured}”; it must be an http or https address.");

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("testimonies"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore", ArchiveMetrics.MeterName);
                if (exporter == "console") metrics.AddConsoleExporter();
                else metrics.AddOtlpExporter(otlp => { if (endpoint is not null) otlp.Endpoint = endpoint; });
            });
        CountCacheLookups(services);
        return services;
    }

    /// <summary>Wraps the output cache's store (registered by AddOutputCache before this) to count hits and misses.</summary>
    private static void CountCacheLookups(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore));
        if (registered is null) return;
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new CountingOutputCacheStore((IOutputCacheStore)(
            registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
    }
}
