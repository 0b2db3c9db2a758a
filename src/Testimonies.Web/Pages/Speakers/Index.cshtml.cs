namespace Testimonies.Web.Pages.Speakers;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public record SpeakerRow(string Key, string DisplayName, string? Label, string Description, string? Nationality, SpeakerRole Role,
        bool IsGroup, int Statements);

    public List<SpeakerRow> Speakers { get; private set; } = [];

    private static readonly StringComparer AlphabeticalOrder =
        StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), System.Globalization.CompareOptions.IgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var speakers = await db.Speakers.AsNoTracking()
            .Where(s => s.Statements.Any(st => st.Status == PublicationStatus.Published))
            .Select(s => new SpeakerRow(s.Key, Speaker.DisplayNameOf(s.Name, s.Label, s.Description), s.Name == null ? s.Label : null,
                s.Description, s.Nationality, s.Role, s.IsGroup,
                s.Statements.Count(st => st.Status == PublicationStatus.Published)))
            .ToListAsync(cancellationToken);
        // As a reader alphabetises: whatever the case (the store's ordinal order put every capital before "a"), and by the
        // first word after an article, as an index does ("a defector" under d), or nearly every description files under a.
        Speakers = [.. speakers.OrderBy(s => WithoutArticle(s.DisplayName), AlphabeticalOrder).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    private static string WithoutArticle(string name)
    {
        foreach (var article in (string[])["a ", "an ", "the "])
            if (name.StartsWith(article, StringComparison.OrdinalIgnoreCase) && name.Length > article.Length) return name[article.Length..];
        return name;
    }
}
