namespace Testimonies.Web.Search;

/// <summary>
/// The facets, in the order the search page shows them. A facet with a closed list (reasons, themes, kinds,
/// provenances, sources) knows every value it can take: search drops an unknown value with a note, the API refuses it.
/// Nationalities are whatever the sources say, so any value is accepted ("not-stated" for none).
/// </summary>
public static class Facets
{
    public static readonly Facet Reason = new("reason", "Reason", "reason", ClosedList: true, OrderByCount: false,
        snapshot => snapshot.Reasons,
        (statements, slugs) => statements.Where(s => s.Reasons.Any(r => slugs.Contains(r.Slug))));

    public static readonly Facet Theme = new("theme", "Theme", "theme", ClosedList: true, OrderByCount: false,
        snapshot => snapshot.Themes,
        (statements, slugs) =>
        {
            var themes = slugs.Select(slug => Names.Themes.BySlug[slug]).ToList();
            return statements.Where(s => s.Reasons.Any(r => themes.Contains(r.Theme)));
        });

    public static readonly Facet Nationality = new("nationality", "Speaker’s nationality", "nationality", ClosedList: false,
        OrderByCount: true,
        snapshot => snapshot.Nationalities,
        (statements, values) =>
        {
            var notStated = values.Contains(Names.NotStatedSlug);
            return statements.Where(s => s.Speaker.Nationality == null ? notStated : values.Contains(s.Speaker.Nationality));
        });

    public static readonly Facet Kind = new("kind", "Kind", "kind", ClosedList: true, OrderByCount: true,
        snapshot => snapshot.Kinds,
        (statements, slugs) =>
        {
            var kinds = slugs.Select(slug => Names.Kinds.BySlug[slug]).ToList();
            return statements.Where(s => kinds.Contains(s.Kind));
        });

    public static readonly Facet Source = new("source", "Source", "source", ClosedList: true, OrderByCount: true,
        snapshot => snapshot.Sources,
        (statements, keys) => statements.Where(s => keys.Contains(s.Source.Key)));

    /// <summary>How the words reached the source, as the source says (Statement.Provenance); "not-stated" where it does not.</summary>
    public static readonly Facet Provenance = new("provenance", "How the words reached the source", "provenance", ClosedList: true,
        OrderByCount: true,
        snapshot => snapshot.Provenances,
        (statements, slugs) =>
        {
            var provenances = slugs.Select(slug => Names.Provenances.BySlug[slug]).ToList();
            return statements.Where(s => provenances.Contains(s.Provenance));
        });

    public static readonly IReadOnlyList<Facet> All = [Reason, Theme, Nationality, Kind, Provenance, Source];

    public static Facet? Find(string key) => All.FirstOrDefault(f => f.Key == key);
}
