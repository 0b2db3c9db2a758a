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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<(TableSpec Spec, RawRecord Record)> Read(byte[] content, string fileName, List<ImportProblem> problems)
    {
        var records = new List<(TableSpec, RawRecord)>();
        try
        {
            _ = StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(new(fileName, null, null,
                $"the file is not valid UTF-8 (bad byte at position {ex.Index}). Save it as UTF-8 and upload it again."));
            return records;
        }
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
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
                ReadArray(ref reader, spec, fileName, lines, records, problems);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var table = reader.GetString()!;
                    var line = lines.LineOf(reader.TokenStartIndex);
                    var spec = DataFormat.All.FirstOrDefault(t => t.Name == table);
                    reader.Read();
                    if (spec is null || reader.TokenType != JsonTokenType.StartArray)
                    {
                        problems.Add(new(fileName, line, table, spec is null
                            ? $"“{table}” is not a table. The tables are {string.Join(", ", DataFormat.All.Select(t => t.Name))}."
                            : "a table must be an array of records: [ { … }, { … } ]."));
                        reader.Skip();
                        continue;
                    }
                    ReadArray(ref reader, spec, fileName, lines, records, problems);
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

    private static void ReadArray(ref Utf8JsonReader reader, TableSpec spec, string fileName, LineCounter lines,
        List<(TableSpec, RawRecord)> records, List<ImportProblem> problems)
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
            var values = new Dictionary<string, string?>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = reader.GetString()!;
                var at = lines.LineOf(reader.TokenStartIndex);
                reader.Read();
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
                    case JsonTokenType.String: values[column] = reader.GetString(); break;
                    case JsonTokenType.Number: values[column] = Encoding.UTF8.GetString(reader.ValueSpan); break;
                    case JsonTokenType.True: values[column] = "yes"; break;
                    case JsonTokenType.False: values[column] = "no"; break;
                    case JsonTokenType.Null: values[column] = null; break;
                    case JsonTokenType.StartArray:
                        // A list (reasons): strings joined as in the CSV cell.
                        var items = new List<string>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String) items.Add(reader.GetString()!);
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
            records.Add((spec, new RawRecord(fileName, line, values)));
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
