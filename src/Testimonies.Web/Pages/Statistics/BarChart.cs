using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Testimonies.Web.Pages.Statistics;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: an image with its own title and
/// description (role="img", aria-labelledby), readable without JavaScript and printable. The page
/// always shows the same numbers in a table beside it.
/// </summary>
public static class BarChart
{
    // Each bar has its label above it, across the chart's whole width, so that a long reason's name is never cut; a name
    // longer than a line wraps onto a second. The box is narrow so that on a phone, scaled to the screen, the text stays
    // about as large as the page's small print, and the stylesheet caps its width on a desktop.
    private const int Width = 400, BarWidth = 340, LineHeight = 17, BarHeight = 14, Gap = 12, Top = 4, CharsPerLine = 46;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<(string Label, int Value)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var rows = bars.Select(b => (Lines: Wrap(b.Label), b.Value)).ToList();
        var height = Top * 2 + rows.Sum(r => r.Lines.Count * LineHeight + BarHeight + Gap);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" " +
            $"viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" " +
            $"xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        var y = Top;
        foreach (var (lines, value) in rows)
        {
            svg.Append("<text class=\"bar-label\">");
            foreach (var line in lines)
            {
                y += LineHeight;
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"0\" y=\"{y - 4}\">{Encode(line)}</tspan>");
            }
            svg.Append("</text>");
            var length = (int)Math.Round((double)value / max * BarWidth);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"0\" y=\"{y}\" width=\"{Math.Max(length, value > 0 ? 2 : 0)}\" height=\"{BarHeight}\" class=\"bar\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{length + 6}\" y=\"{y + BarHeight - 2}\" class=\"bar-value\">{value}</text>");
            y += BarHeight + Gap;
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The label in lines of at most about <see cref="CharsPerLine"/> characters, broken between words.</summary>
    internal static List<string> Wrap(string label)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > CharsPerLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
