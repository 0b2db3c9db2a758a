using System.Globalization;

namespace Testimonies.Web.Importing;

/// <summary>
/// The archive's rows in the import format's own columns (docs/data-format.md): what a maintainer's form
/// shows and sends back. A saved form is imported as a one-row file, so forms and files obey the same rules.
/// </summary>
public static class FormatRows
{
    /// <summary>The tables a maintainer edits through forms, by the name in their URL (/admin/{table}).</summary>
    public static readonly IReadOnlyDictionary<string, TableSpec> Editable = new Dictionary<string, TableSpec>
    {
        ["statements"] = DataFormat.Statements,
        ["speakers"] = DataFormat.Speakers,
        ["sources"] = DataFormat.Sources,
        ["reasons"] = DataFormat.Reasons,
    };

    public static async Task<Dictionary<string, string?>?> FindAsync(ArchiveDbContext db, string table, string key,
        CancellationToken cancellationToken) =>
        (await RowsAsync(db, table, key, publishedOnly: false, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// The statements in the import format's columns, read from the store as they come: the dataset writes them
    /// without a list of all of them in memory.
    /// </summary>
    public static async IAsyncEnumerable<Dictionary<string, string?>> StatementRowsAsync(ArchiveDbContext db, string? key,
        bool publishedOnly, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statements = (publishedOnly ? db.PublishedStatements : db.Statements).AsNoTracking()
            .Where(x => key == null || x.PublicId == key);
        var rows = statements.OrderBy(x => x.Source.Key).ThenBy(x => x.Position).ThenBy(x => x.PublicId)
            .Select(x => new
            {
                x.PublicId, Source = x.Source.Key, x.Position, x.Section, x.Footnote, Speaker = x.Speaker.Key, x.Kind, x.Language,
                x.Text, x.SaidWhen, Reasons = x.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList(), x.Context,
                x.ContentNote, x.Status, x.TextVersion, x.AnchorStart, x.Provenance, x.ProvenanceWords, x.SpokenLanguage, x.Translated
            })
            .AsAsyncEnumerable();
        await foreach (var s in rows.WithCancellation(cancellationToken))
            yield return new Dictionary<string, string?>
            {
                ["id"] = s.PublicId, ["source"] = s.Source, ["position"] = Number(s.Position), ["section"] = s.Section,
                ["footnote"] = s.Footnote, ["speaker"] = s.Speaker, ["kind"] = s.Kind.Slug(),
                ["language"] = s.Language, ["text"] = s.Text, ["said_when"] = s.SaidWhen, ["reasons"] = string.Join(';', s.Reasons),
                ["context"] = s.Context, ["content_note"] = s.ContentNote,
                ["status"] = s.Status.Slug(), ["correction_note"] = null,
                // Where the anchor begins: words that occur twice in the text then find the same place again on re-import.
                ["text_start"] = s.TextVersion is null || s.AnchorStart is not { } start ? null : Number(start), ["text_prefix"] = null,
                ["provenance"] = s.Provenance.Slug(), ["provenance_words"] = s.ProvenanceWords, ["spoken_language"] = s.SpokenLanguage,
                ["translated"] = YesNo(s.Translated),
            };
    }

    /// <summary>
    /// Rows of a table in the import format's columns: one row (<paramref name="key"/>), or all of them.
    /// <paramref name="publishedOnly"/> leaves out drafts and withdrawn statements (the public dataset).
    /// </summary>
    public static async Task<List<Dictionary<string, string?>>> RowsAsync(ArchiveDbContext db, string table, string? key,
        bool publishedOnly, CancellationToken cancellationToken)
    {
        switch (table)
        {
            case "statements":
                var rows = new List<Dictionary<string, string?>>();
                await foreach (var row in StatementRowsAsync(db, key, publishedOnly, cancellationToken)) rows.Add(row);
                return rows;
            case "speakers":
                return (await db.Speakers.AsNoTracking().Where(x => key == null || x.Key == key).OrderBy(x => x.Key)
                        .ToListAsync(cancellationToken))
                    .Select(p => new Dictionary<string, string?>
                    {
                        ["key"] = p.Key, ["name"] = p.Name, ["description"] = p.Description, ["label"] = p.Label,
                        ["nationality"] = p.Nationality,
                        ["role"] = p.Role.Slug(),
                        ["group"] = p.IsGroup ? "yes" : "no", ["notes"] = p.Notes,
                    }).ToList();
            case "sources":
                return (await db.Sources.AsNoTracking().Where(x => key == null || x.Key == key).OrderBy(x => x.Key)
                        .ToListAsync(cancellationToken))
                    .Select(o => new Dictionary<string, string?>
                    {
                        ["key"] = o.Key, ["title"] = o.Title, ["subtitle"] = o.Subtitle, ["title_sentence_case"] = o.TitleSentenceCase,
                        ["short_title"] = o.ShortTitle, ["chapter"] = o.Chapter, ["chapter_title"] = o.ChapterTitle, ["series"] = o.Series,
                        ["series_number"] = o.SeriesNumber,
                        ["publisher"] = o.Publisher, ["author"] = o.Author, ["published"] = o.Published.ToString(), ["url"] = o.Url,
                        ["language"] = o.Language, ["notes"] = o.Notes,
                    }).ToList();
            case "reasons":
                return (await db.Reasons.AsNoTracking().Where(x => key == null || x.Slug == key).OrderBy(x => x.Position)
                        .ToListAsync(cancellationToken))
                    .Select(r => new Dictionary<string, string?>
                    {
                        ["slug"] = r.Slug, ["name"] = r.Name, ["theme"] = r.Theme.Slug(), ["definition"] = r.Definition,
                        ["boundary"] = r.Boundary, ["position"] = Number(r.Position),
                    }).ToList();
            case "findings":
                return (await db.Findings.AsNoTracking().Where(x => key == null || x.Key == key).OrderBy(x => x.Key)
                    .Select(f => new { f.Key, Source = f.Source.Key, f.Footnote, f.Wording, f.Figure, f.Percent, f.PercentQualifier,
                        f.Dataset, f.DatasetSize,
                        Reasons = f.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList() })
                    .ToListAsync(cancellationToken))
                    .Select(f => new Dictionary<string, string?>
                    {
                        ["key"] = f.Key, ["source"] = f.Source, ["footnote"] = f.Footnote, ["wording"] = f.Wording, ["figure"] = f.Figure,
                        ["percent"] = f.Percent?.ToString(CultureInfo.InvariantCulture), ["percent_qualifier"] = f.PercentQualifier,
                        ["dataset"] = f.Dataset,
                        ["dataset_size"] = f.DatasetSize?.ToString(CultureInfo.InvariantCulture), ["reasons"] = string.Join(';', f.Reasons),
                    }).ToList();
            case "codebook":
                return (await db.CodebookVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(cancellationToken))
                    .Select(v => new Dictionary<string, string?>
                    {
                        ["version"] = Number(v.Number), ["dated"] = v.Dated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["change_note"] = v.ChangeNote,
                    }).ToList();
            case "coders":
                return (await db.Coders.AsNoTracking().OrderBy(c => c.Key).ToListAsync(cancellationToken))
                    .Select(c => new Dictionary<string, string?> { ["key"] = c.Key, ["label"] = c.Label, ["notes"] = c.Notes })
                    .ToList();
            case "codings":
                var codings = new List<Dictionary<string, string?>>();
                await foreach (var row in CodingRowsAsync(db, publishedOnly, cancellationToken)) codings.Add(row);
                return codings;
            case "decisions":
                var statements = publishedOnly ? db.PublishedStatements : db.Statements;
                return (await db.CodingDecisions.AsNoTracking().Where(d => statements.Any(s => s.Id == d.StatementId))
                        .OrderBy(d => d.Statement.PublicId).ThenBy(d => d.DecidedAt)
                        .Select(d => new { d.Statement.PublicId, d.CodebookVersion, d.Reasons, d.DecidedAt, d.Why })
                        .ToListAsync(cancellationToken))
                    .Select(d => new Dictionary<string, string?>
                    {
                        ["statement"] = d.PublicId, ["codebook_version"] = Number(d.CodebookVersion), ["reasons"] = d.Reasons,
                        ["decided_at"] = Moment(d.DecidedAt), ["why"] = d.Why,
                    }).ToList();
            default:
                return [];
        }
    }

    /// <summary>
    /// The current codings in the format's columns, streamed (there may be several for each statement): each coder's coding of
    /// each statement, in statement order. Replaced codings are history, shown on the site, not data to import again.
    /// </summary>
    public static async IAsyncEnumerable<Dictionary<string, string?>> CodingRowsAsync(ArchiveDbContext db, bool publishedOnly,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statements = publishedOnly ? db.PublishedStatements : db.Statements;
        var rows = db.Codings.AsNoTracking().Where(c => c.ReplacedAt == null && statements.Any(s => s.Id == c.StatementId))
            .OrderBy(c => c.Statement.Source.Key).ThenBy(c => c.Statement.Position).ThenBy(c => c.Statement.PublicId)
            .ThenBy(c => c.Coder.Key).ThenBy(c => c.Reason == null ? 0 : c.Reason.Position)
            .Select(c => new
            {
                c.Statement.PublicId, c.Statement.Text, Coder = c.Coder.Key, Reason = c.Reason == null ? null : c.Reason.Slug,
                c.Confidence, c.CodebookVersion, c.CodedAt, c.Note, c.SpanStart, c.SpanEnd,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken))
            yield return new Dictionary<string, string?>
            {
                ["statement"] = c.PublicId, ["coder"] = c.Coder, ["reason"] = c.Reason, ["confidence"] = c.Confidence?.Slug(),
                ["codebook_version"] = Number(c.CodebookVersion), ["coded_at"] = c.CodedAt is { } at ? Moment(at) : null,
                ["note"] = c.Note, ["words"] = Coding.WordsOf(c.Text, c.SpanStart, c.SpanEnd),
            };
    }

    /// <summary>A moment as the format writes it: the date alone when it is midnight UTC (as a date was read), else ISO 8601.</summary>
    private static string Moment(DateTimeOffset at) => at.UtcDateTime.TimeOfDay == TimeSpan.Zero
        ? at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

    public static async Task<List<ListedRow>> ListAsync(ArchiveDbContext db, string table, string? filter,
        CancellationToken cancellationToken)
    {
        var f = filter?.Trim() ?? "";
        return table switch
        {
            "statements" => await db.Statements.AsNoTracking()
                .Where(s => f == "" || s.PublicId.Contains(f) || s.Text.Contains(f))
                .OrderBy(s => s.Source.Key).ThenBy(s => s.Position).Take(500)
                .Select(s => new ListedRow(s.PublicId, s.Text, s.Status.ToString())).ToListAsync(cancellationToken),
            "speakers" => await db.Speakers.AsNoTracking().Where(s => f == "" || s.Key.Contains(f) || s.Description.Contains(f))
                .OrderBy(s => s.Key).Take(500).Select(s => new ListedRow(s.Key, s.Name ?? s.Description, null))
                .ToListAsync(cancellationToken),
            "sources" => await db.Sources.AsNoTracking().Where(s => f == "" || s.Key.Contains(f) || s.Title.Contains(f))
                .OrderBy(s => s.Key).Take(500).Select(s => new ListedRow(s.Key, s.ChapterTitle ?? s.Title, null))
                .ToListAsync(cancellationToken),
            _ => await db.Reasons.AsNoTracking().Where(r => f == "" || r.Slug.Contains(f) || r.Name.Contains(f))
                .OrderBy(r => r.Position).Take(500).Select(r => new ListedRow(r.Slug, r.Name, null)).ToListAsync(cancellationToken),
        };
    }

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
