using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Testimonies.Web.Pages.Sources;

/// <summary>
/// A source text's paragraphs as the reader shows them: the text's own characters, HTML-encoded and otherwise unchanged,
/// with the published statements marked where they stand and "Footnote 95" markers shown as superscripts. Spans may touch or
/// overlap: the text is cut at every start and end, and each piece links to the statement that began first.
/// </summary>
public sealed class ReaderParagraphs
{
    /// <summary>A statement's span in UTF-16 indices of the text.</summary>
    public sealed record Highlight(string PublicId, StatementKind Kind, string Speaker, int Start, int End);

    private sealed record Run(Highlight? Owner, bool Overlap, StringBuilder Html, List<Highlight> Covering);

    private readonly TextLayout _layout;
    private readonly List<Highlight> _highlights;
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);

    public ReaderParagraphs(TextLayout layout, IEnumerable<Highlight> highlights)
    {
        _layout = layout;
        _highlights = [.. highlights.Where(h => h.End > h.Start).OrderBy(h => h.Start).ThenBy(h => h.PublicId, StringComparer.Ordinal)];
    }

    /// <summary>Statements whose span no paragraph showed (in a heading, the furniture, or beyond the text).</summary>
    public IEnumerable<Highlight> NotShown => _highlights.Where(h => !_placed.Contains(h.PublicId));

    /// <summary>The paragraph's content as HTML, to be called once per paragraph, in order.</summary>
    public IHtmlContent Render(TextLayout.Paragraph paragraph)
    {
        var text = _layout.Text;
        var inside = _highlights.Where(h => h.Start < paragraph.End && h.End > paragraph.Start).ToList();
        var cuts = new SortedSet<int> { paragraph.Start, paragraph.End };
        foreach (var h in inside)
        {
            cuts.Add(Math.Max(h.Start, paragraph.Start));
            cuts.Add(Math.Min(h.End, paragraph.End));
        }
        foreach (var m in paragraph.Markers)
        {
            cuts.Add(m.Start);
            cuts.Add(m.End);
            cuts.Add(m.DebrisEnd);
        }

        var runs = new List<Run>();
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            var covering = inside.Where(h => h.Start <= from && h.End > from).ToList();
            var owner = covering.FirstOrDefault();
            var overlap = covering.Count > 1;
            if (runs.Count == 0 || runs[^1].Owner != owner || runs[^1].Overlap != overlap)
                runs.Add(new Run(owner, overlap, new StringBuilder(), covering));
            else
                runs[^1].Covering.AddRange(covering.Except(runs[^1].Covering));
            AppendPiece(runs[^1].Html, paragraph, from, to, text);
        }

        var html = new StringBuilder();
        foreach (var (run, index) in runs.Select((r, i) => (r, i)))
        {
            // Each statement's id goes on the first piece that links to it, or, when another statement's span covers it
            // whole, on an empty target where it begins, so that #s-{id} always lands.
            foreach (var h in run.Covering.Where(h => h != run.Owner && !_placed.Contains(h.PublicId)
                && !runs.Skip(index).Any(r => r.Owner == h)))
            {
                html.Append("<span class=\"hl-target\" id=\"s-").Append(Encode(h.PublicId)).Append("\"></span>");
                _placed.Add(h.PublicId);
            }
            if (run.Owner is not { } owner)
            {
                html.Append(run.Html);
                continue;
            }
            var first = _placed.Add(owner.PublicId);
            var kind = owner.Kind == StatementKind.Quotation ? "quotation" : "paraphrase";
            html.Append("<a class=\"hl hl-").Append(kind).Append(run.Overlap ? " hl-overlap" : "").Append("\" href=\"/s/")
                .Append(Encode(owner.PublicId)).Append('"');
            if (first) html.Append(" id=\"s-").Append(Encode(owner.PublicId)).Append('"');
            html.Append("><span class=\"hl-tag\">").Append(Encode($"{owner.Kind.Label()} {owner.PublicId}"))
                .Append("<span class=\"visually-hidden\"> by ").Append(Encode(owner.Speaker)).Append(": </span></span>")
                .Append(run.Html).Append("</a>");
        }
        return new HtmlString(html.ToString());
    }

    private static void AppendPiece(StringBuilder html, TextLayout.Paragraph paragraph, int from, int to, string text)
    {
        if (paragraph.Markers.FirstOrDefault(m => m.Start <= from && from < m.End) is { } marker)
        {
            if (from == marker.Start)
                html.Append("<sup class=\"fn-marker\"><span aria-hidden=\"true\">").Append(Encode(marker.Number))
                    .Append("</span><span class=\"visually-hidden\">footnote ").Append(Encode(marker.Number))
                    .Append(" (the note’s text is not in the archive)</span></sup>");
            return;
        }
        var piece = text[from..to];
        if (paragraph.Markers.FirstOrDefault(m => m.End <= from && from < m.DebrisEnd) is { } debris && DropsSpace(debris, text))
            piece = piece.TrimStart();
        html.Append(Encode(piece));
    }

    /// <summary>
    /// The space the web text leaves between a marker and its stray quotes or the full stop is not shown after the
    /// superscript; a space before a word is kept, so that words never run together.
    /// </summary>
    private static bool DropsSpace(TextLayout.Marker marker, string text) =>
        text[marker.End..marker.DebrisEnd].Trim().Length > 0
        || marker.DebrisEnd >= text.Length || !char.IsLetterOrDigit(text[marker.DebrisEnd]);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
