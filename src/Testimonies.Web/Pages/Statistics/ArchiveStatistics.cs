using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Pages.Statistics;

/// <summary>
/// Counts computed from the archive's published statements, and, kept apart, the figures sources publish
/// about their own datasets. The two are never added, averaged or compared as one number.
/// </summary>
public sealed record ArchiveStatistics(
    int Statements, int Speakers,
    IReadOnlyList<ArchiveStatistics.ReasonCount> Reasons,
    IReadOnlyList<ArchiveStatistics.ThemeCount> Themes,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<string> Sources,
    IReadOnlyList<ArchiveStatistics.Finding> Findings)
{
    /// <param name="ByNationality">Statements by the speaker's nationality ("Not stated" when the source gives none), in the order of <see cref="Nationalities"/>.</param>
    /// <param name="BySource">Statements by source key, in the order of <see cref="Sources"/>.</param>
    public sealed record ReasonCount(string Slug, string Name, Theme Theme, int Statements, int Speakers, IReadOnlyList<int> ByNationality, IReadOnlyList<int> BySource);

    public sealed record ThemeCount(Theme Theme, int Statements, int Speakers);

    public sealed record Finding(string Key, string Figure, double? Percent, string Dataset, int? DatasetSize, string Wording, string SourceKey, string? Footnote, IReadOnlyList<string> ReasonSlugs);

    public const string NotStated = "Not stated";

    public static async Task<ArchiveStatistics> ComputeAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // One row per (statement, reason) link of a published statement, with what the cross-tabulations need.
        var links = await db.PublishedStatements.AsNoTracking()
            .SelectMany(s => s.Reasons, (s, r) => new { StatementId = s.Id, s.SpeakerId, s.Speaker.Nationality, SourceKey = s.Source.Key, r.Slug })
            .ToListAsync(cancellationToken);
        var statements = await db.PublishedStatements.AsNoTracking().Select(s => new { s.Id, s.SpeakerId }).ToListAsync(cancellationToken);
        var reasons = await db.Reasons.AsNoTracking().OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name, r.Theme }).ToListAsync(cancellationToken);
        var nationalities = links.Select(l => l.Nationality ?? NotStated).Distinct().OrderBy(n => n == NotStated).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var sources = links.Select(l => l.SourceKey).Distinct().Order(StringComparer.Ordinal).ToList();

        var reasonCounts = reasons.Select(r =>
        {
            var mine = links.Where(l => l.Slug == r.Slug).ToList();
            return new ReasonCount(r.Slug, r.Name, r.Theme,
                mine.Select(l => l.StatementId).Distinct().Count(),
                mine.Select(l => l.SpeakerId).Distinct().Count(),
                nationalities.Select(n => mine.Where(l => (l.Nationality ?? NotStated) == n).Select(l => l.StatementId).Distinct().Count()).ToList(),
                sources.Select(k => mine.Where(l => l.SourceKey == k).Select(l => l.StatementId).Distinct().Count()).ToList());
        }).ToList();

        // A statement counts once for a theme however many of its reasons belong to it.
        var themeOf = reasons.ToDictionary(r => r.Slug, r => r.Theme);
        var themes = Enum.GetValues<Theme>().Select(t =>
        {
            var mine = links.Where(l => themeOf[l.Slug] == t).ToList();
            return new ThemeCount(t, mine.Select(l => l.StatementId).Distinct().Count(), mine.Select(l => l.SpeakerId).Distinct().Count());
        }).ToList();

        var findings = await db.Findings.AsNoTracking().OrderBy(f => f.Source.Key).ThenBy(f => f.Key)
            .Select(f => new Finding(f.Key, f.Figure, f.Percent, f.Dataset, f.DatasetSize, f.Wording, f.Source.Key, f.Footnote,
                f.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList()))
            .ToListAsync(cancellationToken);

        return new ArchiveStatistics(statements.Count, statements.Select(s => s.SpeakerId).Distinct().Count(),
            reasonCounts, themes, nationalities, sources, findings);
    }
}
