using System.Globalization;

namespace Testimonies.Web.Importing;

/// <summary>
/// The version of one statement, speaker, source or reason that a maintainer's form carries: the id of its latest
/// revision (0 before any). Every change writes a revision, so a newer one means the row changed since the form was opened.
/// </summary>
public static class RowVersion
{
    public static async Task<int> ReadAsync(ArchiveDbContext db, string table, string key, CancellationToken cancellationToken) =>
        table == "statements"
            ? await db.Revisions.Where(r => r.Statement.PublicId == key).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0
            : await db.RowRevisions.Where(r => r.Table == table && r.Key == key).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;

    /// <summary>What changed since <paramref name="openedAt"/> (which fields, by whom, when), or null when nothing did.</summary>
    public static async Task<string?> ChangedSinceAsync(ArchiveDbContext db, string table, string key, int openedAt,
        CancellationToken cancellationToken)
    {
        var changes = table == "statements"
            ? await db.Revisions.AsNoTracking().Where(r => r.Statement.PublicId == key && r.Id > openedAt).OrderBy(r => r.Id)
                .Select(r => new { r.Changes, r.By, r.At, r.Origin }).ToListAsync(cancellationToken)
            : await db.RowRevisions.AsNoTracking().Where(r => r.Table == table && r.Key == key && r.Id > openedAt).OrderBy(r => r.Id)
                .Select(r => new { r.Changes, r.By, r.At, r.Origin }).ToListAsync(cancellationToken);
        if (changes.Count == 0) return null;
        var what = string.Join("; ", changes.Select(c =>
            $"{c.Changes} by {c.By} at {c.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} ({c.Origin})"));
        return $"This {table.TrimEnd('s')} was changed after you opened the form: {what}. Nothing was saved. "
            + "The form now shows the newer values; make your change again and save.";
    }
}
