using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Web.Importing;

/// <summary>
/// The archive's rows in the import format's own columns (docs/data-format.md): what a maintainer's form
/// shows and sends back. A saved form is imported as a one-row file, so forms and files obey the same rules.
/// </summary>
public static class ArchiveRows
{
    /// <summary>The tables a maintainer edits through forms, by the name in their URL (/admin/{table}).</summary>
    public static readonly IReadOnlyDictionary<string, TableSpec> Editable = new Dictionary<string, TableSpec>
    {
        ["statements"] = DataFormat.Statements,
        ["speakers"] = DataFormat.Speakers,
        ["sources"] = DataFormat.Sources,
        ["reasons"] = DataFormat.Reasons,
    };

    /// <summary>A row's identifying key and a short label, for lists.</summary>
    public sealed record Listed(string Key, string Label, string? Status);

    public static async Task<Dictionary<string, string?>?> FindAsync(ArchiveDbContext db, string table, string key, CancellationToken cancellationToken)
    {
        switch (table)
        {
            case "statements":
                var s = await db.Statements.AsNoTracking().Where(x => x.PublicId == key)
                    .Select(x => new { x.PublicId, Source = x.Source.Key, x.Position, x.Section, x.Footnote, Speaker = x.Speaker.Key, x.Kind, x.Language, x.Text,
                        x.SaidWhen, Reasons = x.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList(), x.Context, x.ContentNote, x.Status })
                    .SingleOrDefaultAsync(cancellationToken);
                return s is null ? null : new()
                {
                    ["id"] = s.PublicId, ["source"] = s.Source, ["position"] = Number(s.Position), ["section"] = s.Section, ["footnote"] = s.Footnote,
                    ["speaker"] = s.Speaker, ["kind"] = s.Kind.ToString().ToLowerInvariant(), ["language"] = s.Language, ["text"] = s.Text,
                    ["said_when"] = s.SaidWhen, ["reasons"] = string.Join(';', s.Reasons), ["context"] = s.Context, ["content_note"] = s.ContentNote,
                    ["status"] = s.Status.ToString().ToLowerInvariant(), ["correction_note"] = null,
                };
            case "speakers":
                var p = await db.Speakers.AsNoTracking().SingleOrDefaultAsync(x => x.Key == key, cancellationToken);
                return p is null ? null : new()
                {
                    ["key"] = p.Key, ["name"] = p.Name, ["description"] = p.Description, ["nationality"] = p.Nationality,
                    ["role"] = p.Role switch { SpeakerRole.ForeignFighter => "foreign-fighter", var role => role.ToString().ToLowerInvariant() },
                    ["group"] = p.IsGroup ? "yes" : "no", ["notes"] = p.Notes,
                };
            case "sources":
                var o = await db.Sources.AsNoTracking().SingleOrDefaultAsync(x => x.Key == key, cancellationToken);
                return o is null ? null : new()
                {
                    ["key"] = o.Key, ["title"] = o.Title, ["subtitle"] = o.Subtitle, ["title_sentence_case"] = o.TitleSentenceCase, ["short_title"] = o.ShortTitle,
                    ["chapter"] = o.Chapter, ["chapter_title"] = o.ChapterTitle, ["series"] = o.Series, ["series_number"] = o.SeriesNumber,
                    ["publisher"] = o.Publisher, ["author"] = o.Author, ["published"] = o.Published.ToString(), ["url"] = o.Url,
                    ["language"] = o.Language, ["notes"] = o.Notes,
                };
            case "reasons":
                var r = await db.Reasons.AsNoTracking().SingleOrDefaultAsync(x => x.Slug == key, cancellationToken);
                return r is null ? null : new()
                {
                    ["slug"] = r.Slug, ["name"] = r.Name, ["theme"] = r.Theme.Slug(), ["definition"] = r.Definition,
                    ["boundary"] = r.Boundary, ["position"] = Number(r.Position),
                };
            default:
                return null;
        }
    }

    public static async Task<List<Listed>> ListAsync(ArchiveDbContext db, string table, string? filter, CancellationToken cancellationToken)
    {
        var f = filter?.Trim() ?? "";
        return table switch
        {
            "statements" => await db.Statements.AsNoTracking()
                .Where(s => f == "" || s.PublicId.Contains(f) || s.Text.Contains(f))
                .OrderBy(s => s.Source.Key).ThenBy(s => s.Position).Take(500)
                .Select(s => new Listed(s.PublicId, s.Text, s.Status.ToString())).ToListAsync(cancellationToken),
            "speakers" => await db.Speakers.AsNoTracking().Where(s => f == "" || s.Key.Contains(f) || s.Description.Contains(f))
                .OrderBy(s => s.Key).Take(500).Select(s => new Listed(s.Key, s.Name ?? s.Description, null)).ToListAsync(cancellationToken),
            "sources" => await db.Sources.AsNoTracking().Where(s => f == "" || s.Key.Contains(f) || s.Title.Contains(f))
                .OrderBy(s => s.Key).Take(500).Select(s => new Listed(s.Key, s.ChapterTitle ?? s.Title, null)).ToListAsync(cancellationToken),
            _ => await db.Reasons.AsNoTracking().Where(r => f == "" || r.Slug.Contains(f) || r.Name.Contains(f))
                .OrderBy(r => r.Position).Take(500).Select(r => new Listed(r.Slug, r.Name, null)).ToListAsync(cancellationToken),
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
