namespace Testimonies.Web.Operations;

public static class OperationsSetup
{
    /// <summary>Health checks (<see cref="HealthEndpoints"/>).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddArchiveHealthChecks();
        return services;
    }
}
