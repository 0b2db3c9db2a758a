using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>/admin/statements, /admin/speakers, /admin/sources, /admin/reasons: find a row to edit, or start a new one.</summary>
public class RecordsModel(ArchiveDbContext db) : PageModel
{
    public string Table { get; private set; } = "";
    public string? Filter { get; private set; }
    public List<ListedRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string table, string? q, CancellationToken cancellationToken)
    {
        if (!FormatRows.Editable.ContainsKey(table)) return NotFound();
        Table = table;
        Filter = q is { Length: > 200 } ? q[..200] : q;
        Rows = await FormatRows.ListAsync(db, table, Filter, cancellationToken);
        return Page();
    }
}
