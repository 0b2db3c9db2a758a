namespace Testimonies.Web.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// Health checks (<see cref="HealthEndpoints"/>) and, when configured, metrics (<see cref="ArchiveTelemetry"/>; after the
    /// output cache, whose store it wraps). A setting that cannot work throws <see cref="ArchiveConfigurationException"/>.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddArchiveHealthChecks();
        services.AddArchiveTelemetry(configuration);
        return services;
    }
}
