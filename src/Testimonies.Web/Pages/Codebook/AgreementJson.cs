using Testimonies.Web.Agreement;

namespace Testimonies.Web.Pages.Codebook;

/// <summary>/codebook/agreement.json: the agreement page as data.</summary>
public static class AgreementJson
{
    public static IEndpointRouteBuilder MapAgreementJson(this IEndpointRouteBuilder app)
    {
        app.MapRead("/codebook/agreement.json", async (ArchiveDbContext db, CancellationToken ct) =>
            Results.Json((await AgreementReport.ComputeAsync(db, ct)).ToJson(), AgreementReport.JsonOptions));
        return app;
    }
}
