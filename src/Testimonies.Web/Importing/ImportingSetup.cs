namespace Testimonies.Web.Importing;

public static class ImportingSetup
{
    /// <summary>
    /// The import service and its gate: one import at a time in this process; across instances, the
    /// database's lock on ArchiveState (ArchiveImport).
    /// </summary>
    public static IServiceCollection AddImporting(this IServiceCollection services) =>
        services.AddSingleton<ImportGate>().AddScoped<Importer>();
}
