using System.Globalization;

namespace Testimonies.Web.Archive;

/// <summary>
/// Where words stand in a source's text, as the W3C Web Annotation model anchors them: a position (start and end in
/// Unicode code points, TextPositionSelector) and a quote (the exact words with a prefix and suffix, TextQuoteSelector).
/// Offsets count code points, not .NET's UTF-16 units, so that REFI-QDA programs and annotation tools read them alike.
/// </summary>
public sealed record SourceAnchor(int Start, int End, string Prefix, string Exact, string Suffix)
{
    /// <summary>Code points of text kept before and after the words.</summary>
    public const int ContextLength = 32;

    /// <summary>Every UTF-16 index at which <paramref name="words"/> stand in <paramref name="text"/>, compared ordinally.</summary>
    public static List<int> Occurrences(string text, string words)
    {
        var found = new List<int>();
        if (words.Length == 0) return found;
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0;
             at = at + 1 < text.Length ? text.IndexOf(words, at + 1, StringComparison.Ordinal) : -1)
            found.Add(at);
        return found;
    }

    /// <summary>The anchor of the words standing at UTF-16 index <paramref name="index"/> of the text.</summary>
    public static SourceAnchor At(string text, int index, int length)
    {
        var prefixStart = Math.Max(0, StepBack(text, index, ContextLength));
        var suffixEnd = StepForward(text, index + length, ContextLength);
        return new SourceAnchor(CodePoints(text, index), CodePoints(text, index + length),
            text[prefixStart..index], text.Substring(index, length), text[(index + length)..suffixEnd]);
    }

    /// <summary>Code points in the text before UTF-16 index <paramref name="index"/>.</summary>
    public static int CodePoints(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index; i++)
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) count++;
        return count;
    }

    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/>, or -1 beyond the text's end.</summary>
    public static int Utf16Index(string text, int codePoint)
    {
        var seen = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (seen == codePoint) return i;
            if (i == text.Length) break;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) seen++;
        }
        return -1;
    }

    private static int StepBack(string text, int index, int codePoints)
    {
        var i = index;
        for (var n = 0; n < codePoints && i > 0; n++)
            i -= i > 1 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? 2 : 1;
        return i;
    }

    private static int StepForward(string text, int index, int codePoints)
    {
        var i = index;
        for (var n = 0; n < codePoints && i < text.Length; n++)
            i += i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return i;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start}–{End}");
}
