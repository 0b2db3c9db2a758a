namespace Testimonies.Web.Pages.Admin.Sets;

/// <summary>
/// /admin/sets/new and /admin/sets/{id}: an editor's form for a curated set (address, title, description, the ordered
/// statements, published or not). A save over a newer one is refused with 409, as the record form does.
/// </summary>
public class EditModel(ArchiveDbContext db, CuratedSetWriter writer) : PageModel
{
    public const string OpenedAtField = "opened_at";

    /// <summary>Null for a new set.</summary>
    public int? SetId { get; private set; }
    public CuratedSetForm Form { get; private set; } = new(null, null, null, null, false);
    public int OpenedAt { get; private set; }
    public bool Saved { get; private set; }
    public Dictionary<string, string> Problems { get; } = [];
    public string? GeneralProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var posted = Request.Form;
        var form = new CuratedSetForm(posted[CuratedSetWriter.SlugField].FirstOrDefault(),
            posted[CuratedSetWriter.TitleField].FirstOrDefault(),
            posted[CuratedSetWriter.DescriptionField].FirstOrDefault(), posted[CuratedSetWriter.IdsField].FirstOrDefault(),
            posted[CuratedSetWriter.PublishedField].FirstOrDefault() is "true" or "on");
        var openedAt = 0;
        if (SetId is not null && !int.TryParse(posted[OpenedAtField].FirstOrDefault(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out openedAt))
        {
            Form = form;
            GeneralProblem = "The form was sent without the version it was opened at; open the set again. Nothing was saved.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (savedId, refusal) = await writer.SaveAsync(SetId, openedAt, form, User.Identity!.Name!, cancellationToken);
        if (refusal is null) return Redirect($"/admin/sets/{savedId}?saved=true");
        if (refusal.Status == StatusCodes.Status409Conflict) await LoadAsync(id, cancellationToken);
        else
        {
            Form = form;
            OpenedAt = openedAt;
        }
        foreach (var (field, message) in refusal.Problems)
        {
            if (field is null) GeneralProblem = message;
            else Problems[field] = message;
        }
        Response.StatusCode = refusal.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (id == "new") return true;
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return false;
        var set = await db.CuratedSets.AsNoTracking().SingleOrDefaultAsync(c => c.Id == number, cancellationToken);
        if (set is null) return false;
        SetId = set.Id;
        Form = new CuratedSetForm(set.Slug, set.Title, set.Description, set.StatementIds.Replace(",", ", "), set.Published);
        OpenedAt = set.Version;
        return true;
    }
}
