using System.Text;

namespace Testimonies.Web.Citations;

/// <summary>
/// A link that opens the source's web page with the quoted words highlighted, using a text fragment
/// (#:~:text=…, Chrome 80+, Safari 16.1+, Firefox 131+). Long quotations use the start,end form so the
/// URL stays short and still matches.
/// </summary>
public static class TextFragment
{
    private const int WordsAtEachEnd = 4;

    public static string For(string url, string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var directive = words.Length <= WordsAtEachEnd * 2 + 1
            ? Encode(string.Join(' ', words))
            : Encode(string.Join(' ', words[..WordsAtEachEnd])) + "," + Encode(string.Join(' ', words[^WordsAtEachEnd..]));
        var withoutFragment = url.Split('#')[0];
        return $"{withoutFragment}#:~:text={directive}";
    }

    /// <summary>
    /// Percent-encodes like encodeURIComponent, and also the characters that are syntax inside a text
    /// directive: "-" (prefix/suffix), "," (start,end) and "&amp;" (next directive).
    /// </summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            var unreserved = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')
                or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';
            builder.Append(unreserved ? c : $"%{b:X2}");
        }
        return builder.ToString();
    }
}
