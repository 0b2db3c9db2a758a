using System.Globalization;

namespace Testimonies.Web.Citations;

/// <summary>
/// Headline-style capitalisation of English titles, as MLA 9 and Chicago 17 print them: every word
/// capitalised except articles, prepositions, coordinating conjunctions, "to" and "as", unless first,
/// last or after a colon. It only ever raises letters: acronyms (ISIL) and names keep their capitals.
/// </summary>
public static class TitleCase
{
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "to",
        "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind",
        "below", "beneath", "beside", "between", "beyond", "by", "down", "during", "except", "from", "in",
        "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per",
        "since", "through", "throughout", "toward", "towards", "under", "until", "up", "upon", "via", "with",
        "within", "without", "vs",
    };

    public static string Headline(string title)
    {
        var words = title.Split(' ');
        var capitalizeNext = true;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length == 0) continue;
            var core = word.Trim('“', '”', '‘', '’', '"', '\'', '(', ')', ',', '.', ':', ';', '?', '!');
            var isLast = i == words.Length - 1;
            if (core.Any(char.IsDigit))
            {
                // Identifiers and numbers ("csis16-04", "2016-01-01") are printed as they are.
                capitalizeNext = word.EndsWith(':');
                continue;
            }
            var minor = !capitalizeNext && !isLast && MinorWords.Contains(core);
            if (minor)
            {
                // Only a word written Capitalised is lowered ("The" → "the"); "US" or "ISIL" stay as they are.
                if (core.Length > 1 && char.IsUpper(core[0]) && core.Skip(1).All(char.IsLower))
                    words[i] = word.Replace(core, core.ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            else
            {
                var at = word.IndexOf(core, StringComparison.Ordinal);
                if (core.Length > 0 && char.IsLower(core[0]))
                    words[i] = string.Concat(word.AsSpan(0, at), char.ToUpper(core[0], CultureInfo.InvariantCulture).ToString(),
                        word.AsSpan(at + 1));
            }
            capitalizeNext = word.EndsWith(':') || word.EndsWith('?') || word.EndsWith('!');
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// Ends a citation element with a period, placed inside a closing quotation mark (American style) and never doubled after ? or !.
    /// </summary>
    public static string EndWithPeriod(string text)
    {
        if (text.Length == 0) return text;
        if (text.EndsWith('”'))
        {
            var inner = text[..^1];
            return inner.EndsWith('.') || inner.EndsWith('?') || inner.EndsWith('!') ? text : inner + ".”";
        }
        return text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";
    }

    /// <summary>The title's first words without a leading article, for a short title when none is recorded.</summary>
    public static string ShortTitle(string title)
    {
        var words = title.Split(':')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] is "The" or "A" or "An") words.RemoveAt(0);
        return string.Join(' ', words.Take(4));
    }
}
