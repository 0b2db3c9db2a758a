using System.Text;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Hostile;

/// <summary>
/// Generates the bad files an attacker or an unlucky maintainer might import, in memory: each against the real data/ archive
/// (source test-untexted, without a stored text, or the chapter where a position is taken; speaker indian-fighter), with where
/// and what its refusal must say.
/// </summary>
public static class HostileInputs
{
    public const string Header = "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,"
        + "status";

    /// <summary>A statement row (position 300 + <paramref name="n"/>, free in data/), with the cells given replaced.</summary>
    public static string Row(int n, string text = "Synthetic hostile words", string context = "", string id = "")
    {
        id = id.Length > 0 ? id : $"hostile-{n:D4}";
        return $"{id},test-untexted,{300 + n},,,indian-fighter,quotation,en,{text},,,{context},,published";
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Csv(params string[] lines) => Utf8(string.Join("\n", lines) + "\n");

    private static HostileInput Statements(string kind, byte[] content, int? line, string message, string file = "statements.csv") =>
        new(kind, file, content, line is null ? $"{file}: " : $"{file}, line {line}", message);

    public static IEnumerable<HostileInput> All()
    {
        var valid = Header + "\n" + Row(1) + "\n";
        yield return Statements("Latin-1", Encoding.Latin1.GetBytes(Header + "\n" + Row(1, "Caf\u00e9 words") + "\n"), 2,
            "not valid UTF-8");
        yield return Statements("UTF-16 with a byte-order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(valid)],
            null, "UTF-16, not UTF-8");
        yield return Statements("UTF-16 big-endian without a mark", Encoding.BigEndianUnicode.GetBytes(valid), null, "UTF-16, not UTF-8");
        yield return Statements("UTF-32 with a byte-order mark", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(valid)],
            null, "UTF-32, not UTF-8");
        yield return Statements("UTF-32 without a mark", Encoding.UTF32.GetBytes(valid), null, "UTF-32, not UTF-8");
        yield return Statements("NUL in a cell", Csv(Header, Row(1, "Words\0with a NUL")), 2, "control characters");
        yield return Statements("control characters", Csv(Header, Row(1, "Bell\u0007 and escape\u001b[31m")), 2, "control characters");
        yield return Statements("ragged row", Csv(Header, Row(1) + ",one,two,three"), 2, "cells but the header has");
        yield return Statements("unclosed quote", Csv(Header, Row(1, context: "\"never closed"), Row(2), Row(3)), 2, "never closed");
        yield return Statements("unclosed quote without a final newline",
            Utf8(Header + "\n" + Row(1, context: "\"never closed") + "\n" + Row(2)), 2, "never closed");
        yield return Statements("quoted cell holding a record",
            Csv(Header, Row(1, context: "\"closed too late,,published\n" + Row(2) + "\"")), 2, "reads as a whole record");
        yield return Statements("position taken in the archive", Csv(Header,
            "hostile-0001,csis-2016-ch9,3,,,indian-fighter,quotation,en,Words,,,,,published"), 2, "is taken by statement csis16-03");
        yield return Statements("header only", Csv(Header), null, "holds no records");
        yield return Statements("empty file", [], null, "the file is empty");
        yield return Statements("text over the limit", Csv(Header, Row(1, new string('a', DataFormat.MaxTextLength + 1))), 2,
            "the limit is 4,000");
        yield return Statements("huge single line", Csv(Header, Row(1, new string('x', 10 * 1024 * 1024))), 2, "the limit is 4,000");
        yield return Statements("200,001 rows", Utf8(Header + "\n" + string.Concat(Enumerable.Range(1, 200_001).Select(i => $"r{i}\n"))),
            null, "at most 200,000 rows");
        yield return Statements("zip renamed .csv", [.. "PK\u0003\u0004\u0014\0\0\0\b\0"u8, .. new byte[64]], null, "ZIP archive");
        yield return new("path-like file name", "../../etc/passwd.csv", Csv(Header, Row(1)), "passwd.csv: ", "unknown file name");
        yield return Statements("not a data file", Utf8("#!/bin/sh\nrm -rf /\n"), null, "only CSV (.csv) and JSON (.json)", "run.sh");

        var json = "[\n" + JsonRecord(1, "\"text\": \"Broken \\ud800 words\"") + "\n]";
        yield return Statements("lone surrogate", Utf8(json), 2, "lone UTF-16 surrogate", "statements.json");
        json = "[\n" + JsonRecord(1, "\"text\": \"Words\", \"text\": \"Other words\"") + "\n]";
        yield return Statements("duplicate JSON key", Utf8(json), 2, "appears twice in this record", "statements.json");
        json = "{\"statements\": " + new string('[', 10_000) + new string(']', 10_000) + "}";
        yield return Statements("deep JSON", Utf8(json), 1, "this is not valid JSON", "archive.json");
        json = "{\"statements\": [" + string.Join(",", Enumerable.Repeat("{\"id\":\"X\"}", 1_000_000)) + "]}";
        yield return Statements("a million bad records on one line", Utf8(json), 1, "more than 200,000 records", "archive.json");
        json = "[" + string.Join(",", Enumerable.Range(1, 50_000).Select(i => JsonRecord(i, "\"text\": \"Words\"", id: "Bad"))) + "]";
        yield return Statements("50,000 bad records", Utf8(json), 1, "and 49,800 more", "statements.json");

        yield return new("Markdown with <script>", "statements.csv",
            Csv(Header, Row(1, context: "\"<script>alert(1)</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>\"")),
            "", "", Accepted: true);
        yield return new("formula cells", "statements.csv", Csv(Header, Row(1, "=HYPERLINK(\"http://example.com\")", "+SUM(A1:A9)"),
            Row(2, "@cmd|' /C calc'!A0", "-2+3")), "", "", Accepted: true);
    }

    private static string JsonRecord(int n, string text, string id = "") =>
        $"{{\"id\": \"{(id.Length > 0 ? id : $"hostile-{n:D4}")}\", \"source\": \"test-untexted\", \"position\": {300 + n}, "
        + $"\"speaker\": \"indian-fighter\", \"kind\": \"quotation\", {text}}}";
}
