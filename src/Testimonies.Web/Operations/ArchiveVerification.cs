using System.Globalization;
using Microsoft.Data.Sqlite;
using Testimonies.Web.Search;

namespace Testimonies.Web.Operations;

/// <summary>
/// The <c>verify</c> command's checks, each reported on its own line: the database's own integrity check (SQLite), every
/// migration applied, every source text's SHA-256, every anchored statement's words standing at its anchor in the text
/// version it names (with its prefix and suffix), and the search index against the published statements row by row.
/// Reads only; the anchors are read as a stream, so a large archive is not held in memory.
/// </summary>
public sealed class ArchiveVerification(ArchiveDbContext db, SearchIndex index, TextWriter output)
{
    /// <summary>Problems named of each kind; the rest are counted.</summary>
    private const int Named = 20;

    public int Problems { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await IntegrityAsync(cancellationToken);
        await MigrationsAsync(cancellationToken);
        var texts = await SourceTextsAsync(cancellationToken);
        await AnchorsAsync(texts, cancellationToken);
        await SearchIndexAsync(cancellationToken);
        await output.WriteLineAsync(Problems == 0 ? "Verified: no problems."
            : $"Verified: {Problems} problem{(Problems == 1 ? "" : "s")} (above).");
    }

    private async Task ReportAsync(string check, IReadOnlyCollection<string> found, long count, string fine)
    {
        if (count == 0)
        {
            await output.WriteLineAsync($"{check}: {fine}");
            return;
        }
        Problems += (int)Math.Min(count, int.MaxValue);
        await output.WriteLineAsync($"{check}: {count} problem{(count == 1 ? "" : "s")}");
        foreach (var line in found.Take(Named)) await output.WriteLineAsync($"  {line}");
        if (count > Named) await output.WriteLineAsync($"  … and {count - Named} more");
    }

    private async Task IntegrityAsync(CancellationToken cancellationToken)
    {
        var connection = await SqlCommands.OpenAsync(db, cancellationToken);
        if (connection is not SqliteConnection)
        {
            await output.WriteLineAsync("Database integrity: PostgreSQL checks its own pages; run pg_amcheck for an index " +
                "and heap check (docs/deployment.md).");
            return;
        }
        var lines = new List<string>();
        await using (var command = SqlCommands.Create(connection, null, "PRAGMA integrity_check;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        var problems = lines.Where(line => line != "ok").ToList();
        await ReportAsync("Database integrity", problems, problems.Count, "ok (SQLite's integrity_check)");
    }

    private async Task MigrationsAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        await ReportAsync("Migrations", pending.Select(m => $"{m} is not applied").ToList(), pending.Count, $"all {applied} applied");
    }

    private async Task<Dictionary<(int SourceId, int Version), string>> SourceTextsAsync(CancellationToken cancellationToken)
    {
        var texts = await db.SourceTexts.AsNoTracking()
            .Select(t => new { t.SourceId, t.Version, t.Text, t.Sha256, Key = t.Source.Key }).ToListAsync(cancellationToken);
        var wrong = texts.Where(t => SourceText.HashOf(t.Text) != t.Sha256)
            .Select(t => $"{t.Key} version {t.Version}: its text no longer has the SHA-256 stored with it").ToList();
        await ReportAsync("Source texts", wrong, wrong.Count,
            $"{texts.Count} text{(texts.Count == 1 ? "" : "s")}, every SHA-256 matches");
        return texts.ToDictionary(t => (t.SourceId, t.Version), t => t.Text);
    }

    private async Task AnchorsAsync(Dictionary<(int SourceId, int Version), string> texts, CancellationToken cancellationToken)
    {
        var positions = texts.ToDictionary(t => t.Key, t => CodePointIndex(t.Value));
        var found = new List<string>();
        long checkedCount = 0, problems = 0;
        var anchored = db.Statements.AsNoTracking().Where(s => s.TextVersion != null).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.PublicId, s.SourceId, Version = s.TextVersion!.Value, s.Text, s.AnchorStart, s.AnchorEnd, s.AnchorPrefix,
                s.AnchorSuffix,
            }).AsAsyncEnumerable();
        await foreach (var s in anchored.WithCancellation(cancellationToken))
        {
            checkedCount++;
            var problem = !texts.TryGetValue((s.SourceId, s.Version), out var text)
                ? $"its source has no text version {s.Version}"
                : s.AnchorStart is not { } start || s.AnchorEnd is not { } end ? "it names a text version but no anchor"
                : Mismatch(text, positions[(s.SourceId, s.Version)], start, end, s.Text, s.AnchorPrefix ?? "", s.AnchorSuffix ?? "");
            if (problem is null) continue;
            problems++;
            if (found.Count < Named) found.Add($"{s.PublicId}: {problem}");
        }
        await ReportAsync("Anchors", found, problems, string.Create(CultureInfo.InvariantCulture,
            $"{checkedCount} statement{(checkedCount == 1 ? "" : "s")} checked against their source's text; all stand where anchored"));
    }

    /// <summary>Why the words do not stand at [start, end) with their prefix and suffix, or null when they do.</summary>
    private static string? Mismatch(string text, int[]? utf16, int start, int end, string words, string prefix, string suffix)
    {
        int At(int codePoint) => utf16 is null ? (codePoint <= text.Length ? codePoint : -1)
            : codePoint < utf16.Length ? utf16[codePoint] : -1;
        var (from, to) = (At(start), At(end));
        if (from < 0 || to < from) return $"its anchor {start}–{end} is outside the text";
        var anchor = SourceAnchor.At(text, from, to - from);
        if (anchor.Exact != words) return $"the text at {start}–{end} is not its words";
        if (anchor.Prefix != prefix || anchor.Suffix != suffix) return $"the words at {start}–{end} stand between other words";
        return null;
    }

    /// <summary>UTF-16 index of each code point (and the end), or null when the text has no surrogate pairs (they are equal).</summary>
    private static int[]? CodePointIndex(string text)
    {
        if (!text.Any(char.IsSurrogate)) return null;
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return [.. map];
    }

    private async Task SearchIndexAsync(CancellationToken cancellationToken)
    {
        var connection = await SqlCommands.OpenAsync(db, cancellationToken);
        var (published, _) = await index.Engine.CountsAsync(connection, cancellationToken);
        var (count, ids) = await index.Engine.OutOfStepAsync(connection, Named, cancellationToken);
        var names = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.PublicId, cancellationToken);
        await ReportAsync("Search index",
            ids.Select(id => $"{(names.TryGetValue(id, out var name) ? name : $"row {id}")}: " +
                "its index row is missing, extra or stale").ToList(),
            count, $"{published} published statement{(published == 1 ? "" : "s")}, every index row in step");
    }
}
