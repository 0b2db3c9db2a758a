using System.Text.Json;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>Every revision of one speaker, source or reason, newest first, with each changed column's value before and after.</summary>
public class RowHistoryModel(ArchiveDbContext db) : PageModel
{
    /// <summary>One column a revision changed.</summary>
    public sealed record Change(string Column, string? Before, string? After);

    public sealed record Entry(RowRevision Revision, IReadOnlyList<Change> Changes);

    public string Table { get; private set; } = "";
    public string Key { get; private set; } = "";
    public List<Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string table, string key, CancellationToken cancellationToken)
    {
        if (table == "statements" || !FormatRows.Editable.ContainsKey(table)) return NotFound();
        if (await FormatRows.FindAsync(db, table, key, cancellationToken) is null) return NotFound();
        Table = table;
        Key = key;
        var revisions = await db.RowRevisions.AsNoTracking().Where(r => r.Table == table && r.Key == key)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        foreach (var revision in revisions)
        {
            var before = Values(revision.Before);
            var after = Values(revision.After);
            Entries.Add(new Entry(revision, after.Keys.Union(before.Keys)
                .Select(column => new Change(column, before.GetValueOrDefault(column), after.GetValueOrDefault(column))).ToList()));
        }
        return Page();
    }

    private static Dictionary<string, string?> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}
