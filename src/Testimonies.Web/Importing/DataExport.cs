using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Testimonies.Web.Importing;

/// <summary>
/// Writes the archive in its own import format (docs/data-format.md), so that exporting and importing
/// again changes nothing: the five CSV files, or the same tables as one JSON file.
/// </summary>
public static class DataExport
{
    public static async Task<Dictionary<TableSpec, List<Dictionary<string, string?>>>> TablesAsync(ArchiveDbContext db, bool publishedOnly,
        CancellationToken cancellationToken)
    {
        var tables = new Dictionary<TableSpec, List<Dictionary<string, string?>>>();
        foreach (var spec in DataFormat.All)
            tables[spec] = await FormatRows.RowsAsync(db, spec.Name, null, publishedOnly, cancellationToken);
        return tables;
    }

    /// <summary>One table as CSV: the documented header, then the rows; UTF-8 without a byte-order mark.</summary>
    public static byte[] Csv(TableSpec spec, IEnumerable<Dictionary<string, string?>> rows)
    {
        using var buffer = new MemoryStream();
        WriteCsv(buffer, spec, rows);
        return buffer.ToArray();
    }

    /// <summary>The same CSV written to <paramref name="output"/> as it goes (the dataset: no copy of a whole table).</summary>
    public static void WriteCsv(Stream output, TableSpec spec, IEnumerable<Dictionary<string, string?>> rows)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        using var csv = new CsvWriter(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var column in spec.Columns) csv.WriteField(column.Name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            // Neutralised like every CSV the site writes; the import (CsvTable) reads the cell back as it was.
            foreach (var column in spec.Columns)
                csv.WriteField(Rendering.CsvCells.NeutraliseFormula(row.GetValueOrDefault(column.Name)));
            csv.NextRecord();
        }
    }

    /// <summary>All tables as the JSON form of the format: {"reasons": [...], ...}; empty cells are left out.</summary>
    public static byte[] Json(Dictionary<TableSpec, List<Dictionary<string, string?>>> tables)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, tables);
        return buffer.ToArray();
    }

    /// <summary>The same JSON written to <paramref name="output"/> as it goes, flushed every 32 KB.</summary>
    public static void WriteJson(Stream output, Dictionary<TableSpec, List<Dictionary<string, string?>>> tables)
    {
        using (var json = new Utf8JsonWriter(output,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (spec, rows) in tables)
            {
                json.WriteStartArray(spec.Name);
                foreach (var row in rows)
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
                    if (json.BytesPending > 32_000) json.Flush();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
    }
}
