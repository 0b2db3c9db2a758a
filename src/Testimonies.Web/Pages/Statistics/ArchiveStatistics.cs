using System.Globalization;

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
    /// <param name="ByNationality">
    /// Statements by the speaker's nationality ("Not stated" when the source gives none), in the order of <see cref="Nationalities"/>.
    /// </param>
    /// <param name="BySource">Statements by source key, in the order of <see cref="Sources"/>.</param>
    public sealed record ReasonCount(string Slug, string Name, Theme Theme, int Statements, int Speakers, IReadOnlyList<int> ByNationality,
        IReadOnlyList<int> BySource);

    public sealed record ThemeCount(Theme Theme, int Statements, int Speakers);

    /// <summary>The codebook version the counts use (the current one), or null before any codebook version is recorded.</summary>
    public CodebookStamp? Codebook { get; init; }

    public sealed record CodebookStamp(int Number, DateOnly Dated);

    /// <summary>
    /// The codebook versions the current codings of the published statements applied, with the statements coded under each (a
    /// statement coded under two versions, by two coders, counts under both): a count rests on the definitions its codings used.
    /// </summary>
    public IReadOnlyList<CodedUnderVersion> CodedUnder { get; init; } = [];

    public sealed record CodedUnderVersion(int Version, int Statements);

    /// <param name="PercentQualifier">The source's word for the percentage ("at least"); it goes wherever the number is shown.</param>
    /// <param name="DatasetSize">Cases in the dataset, only where the source states it for this figure.</param>
    public sealed record Finding(string Key, string Figure, double? Percent, string? PercentQualifier, string Dataset, int? DatasetSize,
        string Wording, string SourceKey, string? Footnote, IReadOnlyList<string> ReasonSlugs)
    {
        /// <summary>"at least 35 per cent", "8.5 per cent": the number never without the source's qualifier, or null.</summary>
        public string? PercentLabel => Percent is { } percent
            ? $"{(PercentQualifier is { Length: > 0 } q ? q + " " : "")}{percent.ToString("0.##", CultureInfo.InvariantCulture)} per cent"
            : null;
    }

    public static async Task<ArchiveStatistics> ComputeAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // One row per (statement, reason) link of a published statement, with what the cross-tabulations need.
        var links = await db.PublishedStatements.AsNoTracking()
            .SelectMany(s => s.Reasons,
                (s, r) => new { StatementId = s.Id, s.SpeakerId, s.Speaker.Nationality, SourceKey = s.Source.Key, r.Slug })
            .ToListAsync(cancellationToken);
        var statements = await db.PublishedStatements.AsNoTracking().Select(s => new { s.Id, s.SpeakerId }).ToListAsync(cancellationToken);
        var reasons = await db.Reasons.AsNoTracking().OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name, r.Theme })
            .ToListAsync(cancellationToken);
        var nationalities = links.Select(l => l.Nationality ?? Names.NotStated).Distinct()
            .OrderBy(n => n == Names.NotStated).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var sources = links.Select(l => l.SourceKey).Distinct().Order(StringComparer.Ordinal).ToList();

        // One pass over the links (a statement has a reason at most once, so links of a reason are its statements).
        var reasonIndex = reasons.Select((r, i) => (r.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        var nationalityIndex = nationalities.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var sourceIndex = sources.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var statementsOf = new int[reasons.Count];
        var speakersOf = reasons.Select(_ => new HashSet<int>()).ToArray();
        var byNationality = reasons.Select(_ => new int[nationalities.Count]).ToArray();
        var bySource = reasons.Select(_ => new int[sources.Count]).ToArray();
        var themeValues = Enum.GetValues<Theme>();
        // A statement counts once for a theme however many of its reasons belong to it.
        var themeStatements = themeValues.ToDictionary(t => t, _ => new HashSet<int>());
        var themeSpeakers = themeValues.ToDictionary(t => t, _ => new HashSet<int>());
        foreach (var link in links)
        {
            var r = reasonIndex[link.Slug];
            statementsOf[r]++;
            speakersOf[r].Add(link.SpeakerId);
            byNationality[r][nationalityIndex[link.Nationality ?? Names.NotStated]]++;
            bySource[r][sourceIndex[link.SourceKey]]++;
            themeStatements[reasons[r].Theme].Add(link.StatementId);
            themeSpeakers[reasons[r].Theme].Add(link.SpeakerId);
        }
        var reasonCounts = reasons.Select((r, i) =>
            new ReasonCount(r.Slug, r.Name, r.Theme, statementsOf[i], speakersOf[i].Count, byNationality[i], bySource[i])).ToList();
        var themes = themeValues.Select(t => new ThemeCount(t, themeStatements[t].Count, themeSpeakers[t].Count)).ToList();

        var findings = await db.Findings.AsNoTracking().OrderBy(f => f.Source.Key).ThenBy(f => f.Key)
            .Select(f => new Finding(f.Key, f.Figure, f.Percent, f.PercentQualifier, f.Dataset, f.DatasetSize, f.Wording, f.Source.Key,
                f.Footnote,
                f.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList()))
            .ToListAsync(cancellationToken);

        var codebook = await db.CurrentCodebook.AsNoTracking().Select(v => new CodebookStamp(v.Number, v.Dated))
            .FirstOrDefaultAsync(cancellationToken);

        // Grouped here: PostgreSQL refuses EF's translation of a grouping over a DISTINCT; the pairs are one a coded statement.
        var codedUnder = (await db.Codings.AsNoTracking()
                .Where(c => c.ReplacedAt == null && db.PublishedStatements.Any(s => s.Id == c.StatementId))
                .Select(c => new { c.CodebookVersion, c.StatementId }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(c => c.CodebookVersion).Select(g => new CodedUnderVersion(g.Key, g.Count())).OrderBy(c => c.Version).ToList();

        return new ArchiveStatistics(statements.Count, statements.Select(s => s.SpeakerId).Distinct().Count(),
            reasonCounts, themes, nationalities, sources, findings) { Codebook = codebook, CodedUnder = codedUnder };
    }
}
