using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;

namespace Testimonies.Web.Importing;

/// <summary>Reads one CSV file strictly: UTF-8 only, the documented header, every record located by line.</summary>
public static class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<RawRecord> Read(Stream stream, string fileName, TableSpec spec, List<ImportProblem> problems)
    {
        string text;
        try
        {
            using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(new(fileName, null, null,
                $"the file is not valid UTF-8 (bad byte at position {ex.Index}). Save it as “CSV UTF-8” and upload it again."));
            return [];
        }

        var records = new List<RawRecord>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);

        try
        {
            if (!parser.Read())
            {
                problems.Add(new(fileName, null, null,
                    $"the file is empty. The first line must be the header: {string.Join(",", spec.Columns.Select(c => c.Name))}"));
                return records;
            }

            var header = parser.Record!.Select(h => h.Trim()).ToArray();
            if (!CheckHeader(header, fileName, spec, problems)) return records;

            var lastLine = parser.RawRow;
            while (parser.Read())
            {
                var line = lastLine + 1;
                lastLine = parser.RawRow;
                var fields = parser.Record!;
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                if (fields.Length > header.Length)
                {
                    problems.Add(new(fileName, line, null,
                        $"this record has {fields.Length} cells but the header has {header.Length}. " +
                        $"A comma inside a cell needs the whole cell in double quotes."));
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                    values[header[i]] = i < fields.Length ? Rendering.CsvCells.RestoreFormula(fields[i]) : null; // our exports' apostrophe
                records.Add(new RawRecord(fileName, line, values));
            }
        }
        catch (CsvHelperException ex)
        {
            problems.Add(new(fileName, parser.RawRow, null,
                $"the CSV cannot be read here ({ex.GetType().Name}); check for an unclosed double quote."));
        }
        return records;
    }

    private static bool CheckHeader(string[] header, string fileName, TableSpec spec, List<ImportProblem> problems)
    {
        var ok = true;
        var known = spec.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in header.Where(h => !known.Contains(h)))
        {
            var hint = Suggest.Nearest(name, known);
            problems.Add(new(fileName, 1, name, $"unknown column “{name}”" + (hint is null ? "." : $"; did you mean “{hint}”?")));
            ok = false;
        }
        foreach (var duplicate in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            problems.Add(new(fileName, 1, duplicate.Key, "this column appears more than once in the header."));
            ok = false;
        }
        foreach (var column in spec.Columns.Where(c => c.Required && !header.Contains(c.Name)))
        {
            problems.Add(new(fileName, 1, column.Name, $"the header lacks the required column “{column.Name}”."));
            ok = false;
        }
        return ok;
    }
}
