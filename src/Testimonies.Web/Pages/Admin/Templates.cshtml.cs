using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>The templates to download, with each column's example and its rules as docs/data-format.md states them.</summary>
public class TemplatesModel : PageModel
{
    public static IReadOnlyList<TableSpec> Tables => DataFormat.All;

    public void OnGet()
    {
    }
}
