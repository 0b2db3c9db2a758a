namespace Testimonies.Web.Importing;

public static class ImportingSetup
{
    /// <summary>The import's services: one import at a time in this process (across instances, the database's lock).</summary>
    public static IServiceCollection AddImporting(this IServiceCollection services)
    {
        services.AddSingleton<ImportGate>();
        return services;
    }
}
