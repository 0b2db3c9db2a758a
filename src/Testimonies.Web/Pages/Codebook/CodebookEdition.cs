namespace Testimonies.Web.Pages.Codebook;

/// <summary>
/// A codebook version as the codebook's pages and its JSON show it. <see cref="Number"/> is null while the archive has
/// recorded no version (its codes are then the reasons table's); <see cref="Codes"/> is null for an earlier version whose
/// codes this archive never held.
/// </summary>
public sealed record CodebookEdition(int? Number, DateOnly? Dated, string? ChangeNote, IReadOnlyList<CodebookCode>? Codes,
    bool IsCurrent, int? CurrentNumber)
{
    /// <summary>The codes by theme, themes in the taxonomy's order (Names.Themes), codes by position within each.</summary>
    public IEnumerable<(string Theme, string ThemeName, List<CodebookCode> Codes)> ByTheme() =>
        (Codes ?? []).GroupBy(c => c.Theme, StringComparer.Ordinal)
            .OrderBy(g => Names.Themes.BySlug.TryGetValue(g.Key, out var theme) ? Names.Themes.IndexOf(theme) : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, ThemeName(g.Key), g.OrderBy(c => c.Position).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList()));

    /// <summary>A theme's name, or its slug as the version stored it when the taxonomy no longer has it.</summary>
    public static string ThemeName(string slug) => Names.Themes.BySlug.TryGetValue(slug, out var theme) ? theme.Name() : slug;
}
