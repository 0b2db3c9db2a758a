using System.Text;
using System.Text.Json;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>
/// Import files with the documented header and one example row (CSV), or one example record of each table (JSON). The example
/// is refused as it stands (DataTemplate), so a template uploaded unchanged adds nothing; the rules are on /admin/import/templates.
/// </summary>
public class TemplateModel : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IActionResult OnGet(string name)
    {
        if (name == "archive.json")
        {
            var tables = DataFormat.All.ToDictionary(t => t.Name, t => new[] { DataTemplate.ExampleOf(t) });
            return File(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(tables, Indented) + "\n"), "application/json; charset=utf-8",
                "archive.json");
        }
        var spec = DataFormat.All.FirstOrDefault(t => t.FileName == name);
        if (spec is null) return NotFound();
        return File(DataExport.Csv(spec, [DataTemplate.ExampleOf(spec)]), "text/csv; charset=utf-8", spec.FileName);
    }
}
