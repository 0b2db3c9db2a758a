using System.Text;
using System.Text.Json;

namespace Testimonies.Web.Importing;

/// <summary>
/// Reads the JSON form of the data format (docs/data-format.md): either an object whose properties are
/// table names ("statements": [ … ]) holding arrays of records, or, in a file named after its table
/// (statements.json), the array alone. A record's keys are the CSV columns; every record keeps the line
/// it starts on, so problems are located as in CSV.
/// </summary>
public static class JsonTable
{
    public static List<(TableSpec Spec, RawRecord Record)> Read(byte[] content, string fileName, ImportProblems problems)
    {
        var records = new List<(TableSpec, RawRecord)>();
        if (!TextEncoding.IsUtf8(content, fileName, "UTF-8", problems)) return records;
        var bytes = TextEncoding.WithoutMark(content);
        var lines = new LineCounter(bytes.ToArray());
        var reader = new Utf8JsonReader(bytes,
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                problems.Add(new(fileName, null, null, "the file is empty. It must hold a JSON object of tables, or an array of records."));
                return records;
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var spec = DataFormat.All.FirstOrDefault(t =>
                    string.Equals(Path.GetFileNameWithoutExtension(fileName), t.Name, StringComparison.OrdinalIgnoreCase));
                if (spec is null)
                {
                    problems.Add(new(fileName, 1, null,
                        $"a file holding an array must be named after its table " +
                        $"({string.Join(", ", DataFormat.All.Select(t => t.Name + ".json"))}); " +
                        $"or hold an object such as {{\"statements\": [ … ]}}."));
                    return records;
                }
                if (!ReadArray(ref reader, spec, fileName, lines, records, problems)) records.Clear();
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                var tables = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var line = lines.LineOf(reader.TokenStartIndex);
                    if (StringOf(ref reader, fileName, line, null, problems) is not { } table) return [];
                    var spec = DataFormat.All.FirstOrDefault(t => t.Name == table);
                    reader.Read();
                    if (!tables.Add(table))
                    {
                        problems.Add(new(fileName, line, table, "this table appears twice in the file; put all its records in one array."));
                        reader.Skip();
                        continue;
                    }
                    if (spec is null || reader.TokenType != JsonTokenType.StartArray)
                    {
                        problems.Add(new(fileName, line, table, spec is null
                            ? $"“{table}” is not a table. The tables are {string.Join(", ", DataFormat.All.Select(t => t.Name))}."
                            : "a table must be an array of records: [ { … }, { … } ]."));
                        reader.Skip();
                        continue;
                    }
                    if (ReadArray(ref reader, spec, fileName, lines, records, problems)) continue;
                    records.Clear();
                    break;
                }
            }
            else
            {
                problems.Add(new(fileName, 1, null, "the file must hold a JSON object of tables, or an array of records."));
            }
        }
        catch (JsonException ex)
        {
            problems.Add(new(fileName, (int?)(ex.LineNumber + 1), null,
                $"this is not valid JSON (UTF-8) near position {ex.BytePositionInLine + 1} of the line. " +
                $"Check for a missing comma, quote or bracket."));
            records.Clear();
        }
        return records;
    }

    /// <summary>Reads one table's records; false when the file holds more than an import takes (the problem added).</summary>
    private static bool ReadArray(ref Utf8JsonReader reader, TableSpec spec, string fileName, LineCounter lines,
        List<(TableSpec, RawRecord)> records, ImportProblems problems)
    {
        var known = spec.Columns.Select(c => c.Name).ToHashSet();
        var reported = new HashSet<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineOf(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(new(fileName, line, null,
                    $"each {spec.Name} record must be an object such as {{\"{spec.Columns[0].Name}\": \"…\"}}."));
                reader.Skip();
                continue;
            }
            if (records.Count == ImportLimits.MaxRows)
            {
                // Counted as it is read: a one-line file of a million records would otherwise all be parsed, and each checked.
                problems.Add(new(fileName, line, null, $"the file holds more than {ImportLimits.MaxRows:N0} records; one import takes "
                    + $"at most {ImportLimits.MaxRows:N0}. Split it into several imports."));
                return false;
            }
            var values = new Dictionary<string, string?>();
            var bad = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var at = lines.LineOf(reader.TokenStartIndex);
                if (StringOf(ref reader, fileName, at, null, problems) is not { } column)
                {
                    bad = true;
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                reader.Read();
                if (values.ContainsKey(column))
                {
                    problems.Add(new(fileName, at, column, "this key appears twice in this record; keep one of the two values."));
                    bad = true;
                    reader.Skip();
                    continue;
                }
                if (!known.Contains(column))
                {
                    if (reported.Add(column))
                    {
                        var hint = Suggest.Nearest(column, known);
                        problems.Add(new(fileName, at, column,
                            $"“{column}” is not a column of {spec.Name}" + (hint is null ? "." : $"; did you mean “{hint}”?")));
                    }
                    reader.Skip();
                    continue;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        values[column] = StringOf(ref reader, fileName, at, column, problems);
                        bad |= values[column] is null;
                        break;
                    case JsonTokenType.Number: values[column] = Encoding.UTF8.GetString(reader.ValueSpan); break;
                    case JsonTokenType.True: values[column] = "yes"; break;
                    case JsonTokenType.False: values[column] = "no"; break;
                    case JsonTokenType.Null: values[column] = null; break;
                    case JsonTokenType.StartArray:
                        // A list (reasons): strings joined as in the CSV cell.
                        var items = new List<string>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                if (StringOf(ref reader, fileName, lines.LineOf(reader.TokenStartIndex), column, problems) is { } item)
                                    items.Add(item);
                                else bad = true;
                            }
                            else
                            {
                                problems.Add(new(fileName, lines.LineOf(reader.TokenStartIndex), column, "a list may hold only strings."));
                                reader.Skip();
                            }
                        }
                        values[column] = string.Join(';', items);
                        break;
                    default:
                        problems.Add(new(fileName, at, column,
                            "a value must be a string, a number, true, false, null or a list of strings."));
                        reader.Skip();
                        break;
                }
            }
            // A record with a key or value that cannot be read is not checked further: its problem says all there is to say.
            if (!bad) records.Add((spec, new RawRecord(fileName, line, values)));
        }
        return true;
    }

    /// <summary>The string at the reader, or null with a located problem when it holds a lone UTF-16 surrogate (\ud800).</summary>
    private static string? StringOf(ref Utf8JsonReader reader, string fileName, int line, string? column, ImportProblems problems)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            problems.Add(new(fileName, line, column, "this string holds a lone UTF-16 surrogate (an escape such as \\ud800 "
                + "without its pair), which is no character. Remove it, or write the character itself."));
            return null;
        }
    }

    /// <summary>Line numbers (1-based) from byte offsets, for records read in order.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int LineOf(long offset)
        {
            if (offset < _offset) { _offset = 0; _line = 1; }
            for (; _offset < offset && _offset < bytes.Length; _offset++)
                if (bytes[_offset] == (byte)'\n') _line++;
            return _line;
        }
    }
}
