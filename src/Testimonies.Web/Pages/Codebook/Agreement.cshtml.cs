using Testimonies.Web.Agreement;

namespace Testimonies.Web.Pages.Codebook;

public class AgreementModel(ArchiveDbContext db) : PageModel
{
    public AgreementReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await AgreementReport.ComputeAsync(db, cancellationToken);
}
