using System.Net;
using System.Text;

namespace Testimonies.Web.Citations;

/// <summary>
/// A formatted citation: text with italic runs (titles of whole works). It reads as plain text for
/// copying and pasting anywhere, and as HTML with &lt;i&gt; for the page and for rich pasting.
/// </summary>
public sealed class CitationText
{
    // Italics are marked with two control characters that never occur in archive text (they are removed from it below).
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    private readonly string _marked;

    private CitationText(string marked) => _marked = marked;

    /// <summary>Builds a citation from parts made with <see cref="Italic"/> and <see cref="Roman"/>.</summary>
    public static CitationText Of(params string[] parts) => new(string.Concat(parts));

    public static string Italic(string text) => Open + Roman(text) + Close;

    /// <summary>Archive text as it goes into a citation: control characters (and so the italic markers) removed.</summary>
    public static string Roman(string text) =>
        text.Any(char.IsControl) ? new string(text.Where(c => !char.IsControl(c)).ToArray()) : text;

    public string Plain =>
        _marked.Replace(Open.ToString(), "", StringComparison.Ordinal).Replace(Close.ToString(), "", StringComparison.Ordinal);

    public string Html
    {
        get
        {
            var html = new StringBuilder();
            foreach (var (text, italic) in Runs())
                html.Append(italic ? $"<i>{WebUtility.HtmlEncode(text)}</i>" : WebUtility.HtmlEncode(text));
            return html.ToString();
        }
    }

    /// <summary>The text in runs of roman and italic type.</summary>
    public IEnumerable<(string Text, bool Italic)> Runs()
    {
        var italic = false;
        var start = 0;
        for (var i = 0; i <= _marked.Length; i++)
        {
            if (i < _marked.Length && _marked[i] is not (Open or Close)) continue;
            if (i > start) yield return (_marked[start..i], italic);
            if (i < _marked.Length) italic = _marked[i] == Open;
            start = i + 1;
        }
    }

    public override string ToString() => Plain;
}
