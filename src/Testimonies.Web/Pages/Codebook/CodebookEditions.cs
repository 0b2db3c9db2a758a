using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Codebook;

/// <summary>
/// Reads codebook versions for the codebook's pages and downloads. The current version's codes are the reasons table's
/// (it holds the current codes); an earlier version's are the codes it stored.
/// </summary>
public static class CodebookEditions
{
    public sealed record VersionRow(int Number, DateOnly Dated, string ChangeNote, int? Codes, bool IsCurrent);

    public static async Task<CodebookEdition> CurrentAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.CurrentCodebook.AsNoTracking()
            .Select(v => new { v.Number, v.Dated, v.ChangeNote }).FirstOrDefaultAsync(cancellationToken);
        var codes = await CurrentCodesAsync(db, cancellationToken);
        return new CodebookEdition(current?.Number, current?.Dated, current?.ChangeNote, codes, true, current?.Number);
    }

    /// <summary>Version <paramref name="number"/>, or null when the archive has no such version.</summary>
    public static async Task<CodebookEdition?> VersionAsync(ArchiveDbContext db, int number, CancellationToken cancellationToken)
    {
        var version = await db.CodebookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (version is null) return null;
        var currentNumber = await CurrentNumberAsync(db, cancellationToken);
        var isCurrent = currentNumber == number;
        var codes = isCurrent ? await CurrentCodesAsync(db, cancellationToken) : version.Codes();
        return new CodebookEdition(version.Number, version.Dated, version.ChangeNote, codes, isCurrent, currentNumber);
    }

    /// <summary>The current version's number, or null while none is recorded (what the API and the dataset name).</summary>
    public static Task<int?> CurrentNumberAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every version, the newest first, with how many codes it has (null where the archive never held them).</summary>
    public static async Task<List<VersionRow>> ListAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.CodebookVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        if (versions.Count == 0) return [];
        var currentCodes = await db.Reasons.CountAsync(cancellationToken);
        return versions.Select((v, i) => new VersionRow(v.Number, v.Dated, v.ChangeNote, i == 0 ? currentCodes : v.Codes()?.Count, i == 0))
            .ToList();
    }

    private static async Task<List<CodebookCode>> CurrentCodesAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        (await db.Reasons.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Slug).ToListAsync(cancellationToken))
            .Select(CodebookCode.Of).ToList();

    /// <summary>
    /// Up to <paramref name="count"/> published statements coded with each reason, in the archive's one order: the examples
    /// the codebook shows beside a code. Read from the search catalog (published statements in source order with their reasons,
    /// held per archive version) and one query for the chosen statements' words, not a query per reason sorting all its statements.
    /// </summary>
    public static async Task<Dictionary<string, List<Example>>> ExamplesAsync(ArchiveDbContext db, SearchCatalog catalog, int count,
        CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(db, cancellationToken);
        var reasons = snapshot.Reasons;
        var chosen = new List<int>[reasons.Values.Count];
        for (var r = 0; r < chosen.Length; r++) chosen[r] = [];
        var open = chosen.Length;
        for (var i = 0; i < snapshot.Count && open > 0; i++)
            foreach (var r in reasons.ValuesOf(i))
            {
                if (chosen[r].Count == count) continue;
                chosen[r].Add(snapshot.Ids[i]);
                if (chosen[r].Count == count) open--;
            }
        var ids = chosen.SelectMany(c => c).Distinct().ToList();
        var statements = await db.PublishedStatements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Example = new Example(s.PublicId, s.Text, s.Kind, s.Language) })
            .ToDictionaryAsync(s => s.Id, s => s.Example, cancellationToken);
        var examples = new Dictionary<string, List<Example>>(StringComparer.Ordinal);
        for (var r = 0; r < chosen.Length; r++)
            examples[reasons.Values[r]] = chosen[r].Where(statements.ContainsKey).Select(id => statements[id]).ToList();
        return examples;
    }

    public sealed record Example(string PublicId, string Text, StatementKind Kind, string Language);
}
