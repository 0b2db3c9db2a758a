namespace Testimonies.Web.Pages.Speakers;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record SpeakerRow(string Key, string DisplayName, string? Label, string Description, string? Nationality, SpeakerRole Role,
        bool IsGroup, int Statements);

    public List<SpeakerRow> Speakers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Speakers = await db.Speakers.AsNoTracking()
            .Where(s => s.Statements.Any(st => st.Status == PublicationStatus.Published))
            .OrderBy(s => s.Name ?? s.Label ?? s.Description)
            .Select(s => new SpeakerRow(s.Key, Speaker.DisplayNameOf(s.Name, s.Label, s.Description), s.Name == null ? s.Label : null,
                s.Description, s.Nationality, s.Role, s.IsGroup,
                s.Statements.Count(st => st.Status == PublicationStatus.Published)))
            .ToListAsync(cancellationToken);
    }
}
