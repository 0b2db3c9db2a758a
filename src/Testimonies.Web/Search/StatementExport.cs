using System.Globalization;
using System.Text;
using CsvHelper;
using Testimonies.Web.Citations;
using Testimonies.Web.Rendering;

namespace Testimonies.Web.Search;

/// <summary>Statements as export rows, read in chunks and written as they come, so a large export holds one chunk at a time.</summary>
public static class StatementExport
{
    private const int ChunkSize = 500;

    /// <summary>The rows of the given statements, in the order of <paramref name="ids"/>.</summary>
    public static async IAsyncEnumerable<StatementExportRow> RowsAsync(ArchiveDbContext db, SourceTextLayouts layouts,
        IReadOnlyList<int> ids, string siteUrl, DateOnly accessed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var places = new TextPlaces(db, layouts);
        var works = new Dictionary<int, CitedWork>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var rows = await db.Statements.AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new
                {
                    s.Id, s.PublicId, s.Kind, s.Language, s.Text, s.Speaker.Name, SpeakerKey = s.Speaker.Key, s.Speaker.Description,
                    s.Speaker.Nationality, s.Speaker.Role, SourceKey = s.Source.Key, s.Source.Title, s.Source.ChapterTitle,
                    s.Source.Chapter, s.Section, s.Footnote, s.SaidWhen, s.ContentNote, s.Speaker.Label, s.SourceId, s.TextVersion,
                    s.AnchorStart, s.AnchorEnd, s.AnchorPrefix, s.AnchorSuffix, s.Provenance, s.ProvenanceWords, s.SpokenLanguage,
                    s.Translated, s.Context,
                    Reasons = s.Reasons.OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name }).ToList(),
                })
                .ToDictionaryAsync(s => s.Id, cancellationToken);
            foreach (var id in chunk)
            {
                if (!rows.TryGetValue(id, out var s)) continue;
                var place = await places.FindAsync(s.SourceId, s.TextVersion, s.AnchorStart, s.AnchorEnd, s.AnchorPrefix, s.AnchorSuffix,
                    s.Text, cancellationToken);
                if (!works.TryGetValue(s.SourceId, out var work))
                    works[s.SourceId] = work = (await CitedWork.FindAsync(db, s.SourceId, cancellationToken))!;
                var permalink = $"{siteUrl}/s/{s.PublicId}";
                var cited = new CitedStatement(s.PublicId, s.Text, s.Kind, s.Language, s.Name, s.Description, s.Section, work, permalink,
                    accessed, place?.ParagraphInSection is { } inSection ? new TextPlace(place.Section, inSection, place.Paragraph!.Value)
                        : null, s.Provenance, s.ProvenanceWords);
                yield return new StatementExportRow(s.PublicId, permalink, s.Kind.Slug(), s.Language, s.Text,
                    s.Name, s.SpeakerKey, s.Description, s.Label, s.Nationality, s.Role.Slug(), s.Role.Label(), s.SourceKey,
                    s.ChapterTitle is null ? s.Title : $"{s.ChapterTitle} ({s.Title})",
                    Statement.Locator(s.Chapter, s.Footnote, s.Section),
                    s.Section, s.Footnote, s.SaidWhen, s.Reasons.Select(r => r.Slug).ToList(), s.Reasons.Select(r => r.Name).ToList(),
                    s.Context, s.ContentNote, place, s.Provenance.Slug(), s.ProvenanceWords, s.SpokenLanguage, s.Translated,
                    CitationStyles.Apa(cited).PageReference.Plain);
            }
        }
    }

    /// <summary>
    /// Writes the rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read it as UTF-8), formula cells neutralised.
    /// </summary>
    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<StatementExportRow> rows, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in StatementExportRow.Columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row.Cells) csv.WriteField(CsvCells.NeutraliseFormula(cell));
            await csv.NextRecordAsync();
        }
    }
}
