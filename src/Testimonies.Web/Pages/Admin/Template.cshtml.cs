using System.Text;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>Empty import files with the documented header (CSV), or the shape of the JSON form.</summary>
public class TemplateModel : PageModel
{
    public IActionResult OnGet(string name)
    {
        if (name == "archive.json")
        {
            var tables = DataFormat.All.Select(t =>
                $"  \"{t.Name}\": [\n    {{ {string.Join(", ", t.Columns.Select(c => $"\"{c.Name}\": \"\""))} }}\n  ]");
            return File(Encoding.UTF8.GetBytes("{\n" + string.Join(",\n", tables) + "\n}\n"), "application/json; charset=utf-8",
                "archive.json");
        }
        var spec = DataFormat.All.FirstOrDefault(t => t.FileName == name);
        if (spec is null) return NotFound();
        return File(Encoding.UTF8.GetBytes(string.Join(',', spec.Columns.Select(c => c.Name)) + "\n"), "text/csv; charset=utf-8",
            spec.FileName);
    }
}
