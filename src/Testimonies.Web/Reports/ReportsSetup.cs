namespace Testimonies.Web.Reports;

/// <summary>The reports feature's services: AddSitePages calls it.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddProblemReports(this IServiceCollection services) =>
        services.AddScoped<ProblemReports>().AddSingleton<ReportLimits>();
}
