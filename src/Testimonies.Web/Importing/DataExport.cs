using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Testimonies.Web.Importing;

/// <summary>
/// Writes the archive in its own import format (docs/data-format.md), so that exporting and importing
/// again changes nothing: the CSV files of DataFormat.All, or the same tables as one JSON file.
/// </summary>
public static class DataExport
{
    /// <summary>
    /// One table's rows in the format's columns, as they come from the store: the statements streamed (the dataset holds
    /// no list of them), the smaller tables read whole.
    /// </summary>
    public static async IAsyncEnumerable<Dictionary<string, string?>> RowsAsync(ArchiveDbContext db, TableSpec spec, bool publishedOnly,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (spec == DataFormat.Statements)
        {
            await foreach (var row in FormatRows.StatementRowsAsync(db, null, publishedOnly, cancellationToken)) yield return row;
            yield break;
        }
        if (spec == DataFormat.Codings)
        {
            await foreach (var row in FormatRows.CodingRowsAsync(db, publishedOnly, cancellationToken)) yield return row;
            yield break;
        }
        var rows = await FormatRows.RowsAsync(db, spec.Name, null, publishedOnly, cancellationToken);
        if (spec == DataFormat.Sources) await AddTextColumnsAsync(db, rows, cancellationToken);
        foreach (var row in rows) yield return row;
    }

    /// <summary>Where a source's text stands beside the tables, as its text_file names it (as in data/).</summary>
    public static string TextFileName(string sourceKey) => $"{DataFolder.TextFolder}/{sourceKey}.txt";

    /// <summary>Each source's latest stored text, by source key: the files the dataset gives beside its tables.</summary>
    public static async Task<Dictionary<string, SourceText>> LatestTextsAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.LatestSourceTexts.AsNoTracking()
            .Select(t => new { t.Source.Key, Text = t })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(t => t.Key, t => t.Text, StringComparer.Ordinal);
    }

    /// <summary>
    /// The sources' text columns from their latest stored text (the admin form leaves them out: a form carries no file).
    /// text_correction_note stays empty: re-importing the same text changes nothing and needs none.
    /// </summary>
    private static async Task AddTextColumnsAsync(ArchiveDbContext db, List<Dictionary<string, string?>> rows,
        CancellationToken cancellationToken)
    {
        var texts = await LatestTextsAsync(db, cancellationToken);
        foreach (var row in rows)
        {
            if (!texts.TryGetValue(row["key"]!, out var text)) continue;
            row["text_file"] = TextFileName(row["key"]!);
            row["text_taken"] = text.TakenOn?.ToString();
            row["text_headings"] = text.Headings;
            row["text_ends_before"] = text.EndsBefore;
        }
    }

    /// <summary>One table as CSV: the documented header, then the rows; UTF-8 without a byte-order mark.</summary>
    public static byte[] Csv(TableSpec spec, IEnumerable<Dictionary<string, string?>> rows)
    {
        using var buffer = new MemoryStream();
        WriteCsv(buffer, spec, rows);
        return buffer.ToArray();
    }

    private static void WriteCsv(Stream output, TableSpec spec, IEnumerable<Dictionary<string, string?>> rows)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        using var csv = NewCsvWriter(text);
        WriteFields(csv, spec, null);
        csv.NextRecord();
        foreach (var row in rows)
        {
            WriteFields(csv, spec, row);
            csv.NextRecord();
        }
    }

    private static CsvWriter NewCsvWriter(TextWriter text) =>
        new(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });

    /// <summary>The header (no row), or one row's cells in the table's columns.</summary>
    private static void WriteFields(CsvWriter csv, TableSpec spec, Dictionary<string, string?>? row)
    {
        foreach (var column in spec.Columns)
            // Neutralised like every CSV the site writes; the import (CsvTable) reads the cell back as it was.
            csv.WriteField(row is null ? column.Name : Rendering.CsvCells.NeutraliseFormula(row.GetValueOrDefault(column.Name)));
    }

    /// <summary>The same CSV from rows that come from the store as they are written; returns how many rows there were.</summary>
    public static async Task<int> WriteCsvAsync(Stream output, TableSpec spec, IAsyncEnumerable<Dictionary<string, string?>> rows,
        CancellationToken cancellationToken)
    {
        var count = 0;
        await using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await using var csv = NewCsvWriter(text);
        WriteFields(csv, spec, null);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteFields(csv, spec, row);
            await csv.NextRecordAsync();
            count++;
        }
        return count;
    }

    /// <summary>
    /// All tables as the JSON form of the format, {"reasons": [...], ...}, written as the rows come and flushed every
    /// 32 KB; empty cells are left out. JSON is not for spreadsheets: its cells are written as they are.
    /// </summary>
    public static async Task WriteJsonAsync(Stream output, Func<TableSpec, IAsyncEnumerable<Dictionary<string, string?>>> rowsOf,
        CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        foreach (var spec in DataFormat.All)
        {
            json.WriteStartArray(spec.Name);
            await foreach (var row in rowsOf(spec).WithCancellation(cancellationToken))
            {
                json.WriteStartObject();
                foreach (var column in spec.Columns)
                {
                    if (row.GetValueOrDefault(column.Name) is not { Length: > 0 } value) continue;
                    if (column.Name == "reasons")
                    {
                        json.WriteStartArray(column.Name);
                        foreach (var slug in value.Split(';')) json.WriteStringValue(slug);
                        json.WriteEndArray();
                    }
                    else json.WriteString(column.Name, value);
                }
                json.WriteEndObject();
                if (json.BytesPending > 32_000) await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
