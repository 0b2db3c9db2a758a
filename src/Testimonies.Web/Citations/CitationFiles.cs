using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Testimonies.Web.Citations;

/// <summary>
/// Writes statements and their publications as reference-manager files (docs/citations.md):
/// biblatex (@online for each archive page, @report for each publication), RIS (TY - ELEC for the page,
/// TY - RPRT for the publication) and CSL-JSON (webpage and report). Text stays UTF-8, never transliterated.
/// </summary>
public static class CitationFiles
{
    /// <summary>The file's content type and its file-name ending, from the format's name in a URL (bib, ris, json).</summary>
    public static CitationFormat? Parse(string? name) => name switch
    {
        "bib" => CitationFormat.BibTeX,
        "ris" => CitationFormat.Ris,
        "json" => CitationFormat.CslJson,
        _ => null,
    };

    public static string ContentType(CitationFormat format) => format switch
    {
        CitationFormat.BibTeX => "application/x-bibtex; charset=utf-8",
        CitationFormat.Ris => "application/x-research-info-systems; charset=utf-8",
        _ => "application/vnd.citationstyles.csl+json; charset=utf-8",
    };

    public static string Extension(CitationFormat format) => format switch
    {
        CitationFormat.BibTeX => "bib",
        CitationFormat.Ris => "ris",
        _ => "csl.json",
    };

    /// <summary>
    /// One entry for each statement's archive page, then one for each publication they come from (or that is given alone).
    /// </summary>
    public static string Write(CitationFormat format, IReadOnlyList<CitedStatement> statements, IReadOnlyList<CitedWork> works)
    {
        var allWorks = statements.Select(s => s.Work).Concat(works).DistinctBy(w => w.Key).ToList();
        return format switch
        {
            CitationFormat.BibTeX => BibTeX(statements, allWorks),
            CitationFormat.Ris => Ris(statements, allWorks),
            _ => CslJson(statements, allWorks),
        };
    }

    public static string PageKey(CitedStatement statement) =>
        statement.Version is { } version ? $"testimonies-{statement.PublicId}-v{version}" : $"testimonies-{statement.PublicId}";

    /// <summary>
    /// "Quotation of Abu Ibrahim, as reported in …, Chapter 9, Fighting Injustice section, para. 3": what the page holds and where
    /// the words stand (APA's locator: heading and paragraph; never a footnote, the words are in the body text).
    /// </summary>
    public static string PageNote(CitedStatement s) =>
        $"{(s.Kind == StatementKind.Quotation ? "Quotation of" : "Paraphrase of what was said by")} {s.Speaker}, as reported in " +
        $"{s.Work.Creator}, {s.Work.FullTitle} ({s.Work.Published.Year})" +
        (CitationStyles.ApaLocator(s) is { Length: > 0 } where ? $", {where}" : "");

    private static string? ChapterNote(CitedWork work) =>
        work.Chapter is null ? null
            : work.ChapterTitle is null ? $"Chapter {work.Chapter}"
            : $"Chapter {work.Chapter}: {work.ChapterTitle}";

    // ---------------------------------------------------------------- biblatex

    private static string BibTeX(IReadOnlyList<CitedStatement> statements, IReadOnlyList<CitedWork> works)
    {
        var bib = new StringBuilder();
        foreach (var s in statements)
        {
            Entry(bib, "online", PageKey(s),
            [
                ("title", s.PageTitle),
                ("version", s.Version?.ToString(CultureInfo.InvariantCulture)),
                ("organization", CitationStyles.SiteName),
                ("url", s.Permalink),
                ("urldate", s.Accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("abstract", s.Text),
                ("note", PageNote(s)),
                ("related", s.Work.Key),
            ]);
        }
        foreach (var w in works)
        {
            Entry(bib, "report", w.Key,
            [
                ("author", "{" + Escape(w.Creator) + "}"), // braces: an organisation is one name, never split into given and family names
                ("title", w.Title),
                ("subtitle", w.Subtitle),
                ("type", w.Series ?? "Report"),
                ("number", w.SeriesNumber),
                ("institution", w.Publisher),
                // year and month, which biblatex and classic BibTeX both read (a classic reader ignores date: the report would be
                // undated); date only where a day is known, which year and month cannot hold.
                ("year", w.Published.Year.ToString(CultureInfo.InvariantCulture)),
                ("month", w.Published.Month is { } month ? MonthMacros[month - 1] : null),
                ("date", w.Published.Day is null ? null : w.Published.ToString()),
                ("chapter", w.Chapter),
                ("note", ChapterNote(w)),
                ("url", w.Url),
            ]);
        }
        return bib.ToString();
    }

    private static void Entry(StringBuilder bib, string type, string key, (string Field, string? Value)[] fields)
    {
        bib.Append('@').Append(type).Append('{').Append(key).Append(",\n");
        foreach (var (field, value) in fields)
        {
            if (value is null) continue;
            if (field == "month")
            {
                bib.Append("  month = ").Append(value).Append(",\n"); // a macro (jan…dec), unbraced: both BibTeX dialects know it
                continue;
            }
            // url fields are verbatim in biblatex; the author field arrives already braced and escaped.
            var text = field is "url" || (field == "author" && value.StartsWith('{')) ? value : Escape(value);
            bib.Append("  ").Append(field).Append(" = {").Append(text).Append("},\n");
        }
        bib.Append("}\n\n");
    }

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Escapes what TeX would read as markup; everything else, including non-ASCII letters, stays as written (UTF-8).</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in CitationText.Roman(text))
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    // ---------------------------------------------------------------- RIS

    private static string Ris(IReadOnlyList<CitedStatement> statements, IReadOnlyList<CitedWork> works)
    {
        var ris = new StringBuilder();
        foreach (var s in statements)
        {
            Tag(ris, "TY", "ELEC");
            Tag(ris, "ID", PageKey(s));
            Tag(ris, "TI", s.PageTitle);
            Tag(ris, "T2", CitationStyles.SiteName);
            Tag(ris, "UR", s.Permalink);
            Tag(ris, "Y2", s.Accessed.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Tag(ris, "AB", s.Text);
            Tag(ris, "N1", PageNote(s));
            Tag(ris, "LA", s.Language);
            Tag(ris, "ER", "");
        }
        foreach (var w in works)
        {
            Tag(ris, "TY", "RPRT");
            Tag(ris, "ID", w.Key);
            Tag(ris, "AU", w.Creator);
            Tag(ris, "TI", w.FullTitle);
            Tag(ris, "T2", w.Series);
            Tag(ris, "SN", w.SeriesNumber);
            Tag(ris, "PB", w.Publisher);
            Tag(ris, "PY", w.Published.Year.ToString(CultureInfo.InvariantCulture));
            Tag(ris, "DA", w.Published.ToString().Replace('-', '/'));
            Tag(ris, "N1", ChapterNote(w));
            Tag(ris, "UR", w.Url);
            Tag(ris, "LA", w.Language);
            Tag(ris, "ER", "");
        }
        return ris.ToString();
    }

    /// <summary>One "XX  - value" line; a value never spans lines (RIS has no continuation).</summary>
    private static void Tag(StringBuilder ris, string tag, string? value)
    {
        if (value is null) return;
        var oneLine = string.Join(' ', CitationText.Roman(value.Replace("\r\n", " ", StringComparison.Ordinal)
                .Replace('\n', ' ').Replace('\r', ' '))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        ris.Append(tag).Append("  - ").Append(oneLine).Append('\n');
        if (tag == "ER") ris.Append('\n');
    }

    // ---------------------------------------------------------------- CSL-JSON

    private static readonly JsonWriterOptions JsonOptions =
        new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string CslJson(IReadOnlyList<CitedStatement> statements, IReadOnlyList<CitedWork> works)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var s in statements)
            {
                json.WriteStartObject();
                json.WriteString("id", PageKey(s));
                json.WriteString("type", "webpage");
                json.WriteString("title", s.PageTitle);
                json.WriteString("container-title", CitationStyles.SiteName);
                json.WriteString("genre", s.Kind.Label());
                json.WriteString("URL", s.Permalink);
                if (s.Version is { } version) json.WriteString("version", version.ToString(CultureInfo.InvariantCulture));
                DateParts(json, "accessed", s.Accessed.Year, s.Accessed.Month, s.Accessed.Day);
                json.WriteString("abstract", s.Text);
                json.WriteString("note", PageNote(s));
                json.WriteString("language", s.Language);
                json.WriteEndObject();
            }
            foreach (var w in works)
            {
                json.WriteStartObject();
                json.WriteString("id", w.Key);
                json.WriteString("type", "report");
                json.WriteStartArray("author");
                json.WriteStartObject();
                json.WriteString("literal", w.Creator); // an organisation: one literal name
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteString("title", w.FullTitle);
                json.WriteString("publisher", w.Publisher);
                DateParts(json, "issued", w.Published.Year, w.Published.Month, w.Published.Day);
                if (w.Series is not null) json.WriteString("collection-title", w.Series);
                // citeproc-js (Zotero, citation-js) reads a hyphen in a number as a range ("Nos. 2016-01–01"); an escaped hyphen
                // is printed as a hyphen. A series number is an identifier, never a range.
                if (w.SeriesNumber is not null) json.WriteString("number", w.SeriesNumber.Replace("-", @"\-", StringComparison.Ordinal));
                if (w.Chapter is not null) json.WriteString("chapter-number", w.Chapter);
                if (ChapterNote(w) is { } note) json.WriteString("note", note);
                if (w.Url is not null) json.WriteString("URL", w.Url);
                json.WriteString("language", w.Language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void DateParts(Utf8JsonWriter json, string name, int year, int? month, int? day)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("date-parts");
        json.WriteStartArray();
        json.WriteNumberValue(year);
        if (month is not null) json.WriteNumberValue(month.Value);
        if (month is not null && day is not null) json.WriteNumberValue(day.Value);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
