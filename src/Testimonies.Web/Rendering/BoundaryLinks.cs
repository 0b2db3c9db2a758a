using System.Text.RegularExpressions;

namespace Testimonies.Web.Rendering;

/// <summary>
/// A boundary names its neighbouring reasons by slug ("… is brutality-and-indiscriminate-killing."); the codebook and the
/// reason pages show each such slug as a link with the reason's name.
/// </summary>
public static class BoundaryLinks
{
    /// <summary>The boundary as runs of text, each either plain (Code null) or a slug of one of the version's codes.</summary>
    public static List<(string Text, CodebookCode? Code)> Parts(string boundary, IReadOnlyList<CodebookCode> codes)
    {
        var bySlug = codes.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var parts = new List<(string, CodebookCode?)>();
        if (bySlug.Count == 0) return [(boundary, null)];
        // Longest slugs first, so that a slug that begins another is not matched inside it; whole slugs only.
        var alternatives = string.Join('|', bySlug.Keys.OrderByDescending(s => s.Length).Select(Regex.Escape));
        var pattern = new Regex($@"(?<![\w-])(?:{alternatives})(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var at = 0;
        foreach (Match match in pattern.Matches(boundary))
        {
            if (match.Index > at) parts.Add((boundary[at..match.Index], null));
            parts.Add((match.Value, bySlug[match.Value]));
            at = match.Index + match.Length;
        }
        if (at < boundary.Length) parts.Add((boundary[at..], null));
        return parts;
    }
}
