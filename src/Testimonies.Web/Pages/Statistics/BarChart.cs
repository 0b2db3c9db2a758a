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
    private const int LabelWidth = 260, BarWidth = 320, RowHeight = 26, Top = 8;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<(string Label, int Value)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Top * 2 + bars.Count * RowHeight;
        var width = LabelWidth + BarWidth + 50;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" " +
            $"viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" " +
            $"xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = Top + i * RowHeight;
            var length = (int)Math.Round((double)value / max * BarWidth);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"bar-label\">{Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" " +
                $"width=\"{Math.Max(length, value > 0 ? 2 : 0)}\" height=\"{RowHeight - 8}\" class=\"bar\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 17}\" class=\"bar-value\">{value}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
