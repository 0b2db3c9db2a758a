using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Testimonies.Web.Importing;

/// <summary>Reads one CSV file strictly: UTF-8 only, the documented header, every record located by line.</summary>
public static partial class CsvTable
{
    /// <summary>The file's records; null when it cannot be read row by row (its encoding, an unclosed quote, its header).</summary>
    public static List<RawRecord>? Read(byte[] content, string fileName, TableSpec spec, ImportProblems problems)
    {
        if (TextEncoding.Decode(content, fileName, "“CSV UTF-8”", problems) is not { } text) return null;
        // CsvHelper reads an unclosed quote to the end of the file as one cell, taking every record after it along.
        if (UnclosedQuoteLine(text) is { } opened)
        {
            problems.Add(new(fileName, opened, null, "a double quote opened on this line is never closed, so every line after it "
                + "would be read as part of one cell. Close the quote (a quote inside a quoted cell is written twice: \"\")."));
            return null;
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
                return null;
            }

            var header = parser.Record!.Select(h => h.Trim()).ToArray();
            var headerReading = CheckHeader(header, fileName, spec, problems);
            var known = spec.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (headerReading == HeaderReading.Unreadable)
            {
                // Said once, not for every row: the other files are still read and checked.
                problems.Add(new(fileName, null, null, "the rows of this file were not checked, because its header is wrong: "
                    + "the cells are read by the header's names. Fix the header and upload it again to have its rows checked."));
                return null;
            }

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
                if (SwallowedRecord(fields, header.Length, configuration) is var (cell, lineInCell))
                {
                    problems.Add(new(fileName, line, header[cell], $"this quoted cell runs over line {line + lineInCell}, which reads "
                        + "as a whole record of its own: a closing double quote is probably missing or misplaced."));
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                    if (headerReading == HeaderReading.Readable || known.Contains(header[i]))
                        // Rendering.CsvCells: our exports' apostrophe before a formula-like cell, taken off again.
                        values[header[i]] = i < fields.Length ? Rendering.CsvCells.RestoreFormula(fields[i]) : null;
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

    /// <summary>The line where a quoted cell opens that no quote closes, or null.</summary>
    private static int? UnclosedQuoteLine(string text)
    {
        var (line, opened, quoted, fieldStart) = (1, 0, false, true);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quoted)
            {
                if (c != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else quoted = false;
            }
            else if (c == '"' && fieldStart) (quoted, opened) = (true, line);
            else if (c is ',' or '\n') fieldStart = true;
            else if (c != '\r') fieldStart = false;
        }
        return quoted ? opened : null;
    }

    /// <summary>
    /// A cell holding a line that reads as a record (a key first, and about as many cells as the header: one swallowed by a
    /// misplaced quote): the cell's index and how many lines after the record's first that line is; null when there is none.
    /// </summary>
    private static (int Cell, int Line)? SwallowedRecord(string[] fields, int columns, CsvConfiguration configuration)
    {
        if (columns < 3) return null;
        var lineInRecord = 0;
        for (var cell = 0; cell < fields.Length; cell++)
        {
            var lines = fields[cell].Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                using var parser = new CsvParser(new StringReader(lines[i].TrimEnd('\r')), configuration);
                if (parser.Read() && parser.Record is { } cells && cells.Length <= columns && cells.Length >= columns - 2
                    && KeyPattern().IsMatch(cells[0]))
                    return (cell, lineInRecord + i);
            }
            lineInRecord += lines.Length - 1;
        }
        return null;
    }

    /// <summary>
    /// How a header lets its rows be read: as they are, by their known columns only (an unknown column is listed and the rows
    /// are still checked, so that one upload shows everything), or not at all (a column twice, or a required one missing).
    /// </summary>
    private enum HeaderReading { Readable, KnownColumnsOnly, Unreadable }

    private static HeaderReading CheckHeader(string[] header, string fileName, TableSpec spec, ImportProblems problems)
    {
        var ok = true;
        var known = spec.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = false;
        foreach (var name in header.Where(h => !known.Contains(h)))
        {
            var hint = Suggest.Nearest(name, known);
            problems.Add(new(fileName, 1, name, $"unknown column “{name}”" + (hint is null ? "." : $"; did you mean “{hint}”?")));
            unknown = true;
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
        return !ok ? HeaderReading.Unreadable : unknown ? HeaderReading.KnownColumnsOnly : HeaderReading.Readable;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
