using System.Globalization;

namespace Testimonies.Web.Pages.Codebook;

public class VersionModel(ArchiveDbContext db) : PageModel
{
    public CodebookEdition? Edition { get; private set; }

    /// <summary>The version asked for, as typed (shown encoded on the 404 page).</summary>
    public string Requested { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string n, CancellationToken cancellationToken)
    {
        Requested = n.Length > 40 ? n[..40] + "…" : n;
        if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            Edition = await CodebookEditions.VersionAsync(db, number, cancellationToken);
        if (Edition is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
