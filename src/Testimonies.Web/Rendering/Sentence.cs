using System.Globalization;

namespace Testimonies.Web.Rendering;

/// <summary>Text the archive places at the start of a sentence of its own: an attribution line, a citation's in-text part.</summary>
public static class Sentence
{
    /// <summary>
    /// The text with its first letter in upper case ("an Indian fighter" → "An Indian fighter"): only where the archive's
    /// sentence starts with a speaker's description; the stored words, and quotations, are never changed.
    /// </summary>
    public static string Start(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0])) return text;
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    /// <summary>The text as the end of the archive's sentence: a full stop added only where it has no closing mark of its own.</summary>
    public static string End(string text) =>
        text.TrimEnd() is var trimmed && trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' ? trimmed : trimmed + ".";
}
