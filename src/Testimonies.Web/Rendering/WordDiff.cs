using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Testimonies.Web.Rendering;

/// <summary>
/// A word-level difference between two texts: what an import or an edit changes in a statement's words, what a codebook
/// version changes in a definition.
/// </summary>
public static partial class WordDiff
{
    public enum Kind { Same, Removed, Added }

    /// <summary>Runs of words (with their spacing) that stay, go or come, in reading order.</summary>
    public static List<(Kind Kind, string Text)> Compare(string before, string after)
    {
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        // Longest common subsequence of tokens; statements are short (at most a few hundred words).
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);

        var runs = new List<(Kind Kind, string Text)>();
        void Add(Kind kind, string token)
        {
            if (runs.Count > 0 && runs[^1].Kind == kind) runs[^1] = (kind, runs[^1].Text + token);
            else runs.Add((kind, token));
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { Add(Kind.Same, a[x]); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) Add(Kind.Removed, a[x++]);
            else Add(Kind.Added, b[y++]);
        }
        while (x < a.Length) Add(Kind.Removed, a[x++]);
        while (y < b.Length) Add(Kind.Added, b[y++]);
        return runs;
    }

    /// <summary>
    /// The difference as encoded HTML: words that go in &lt;del&gt;, words that come in &lt;ins&gt;, nothing between the runs
    /// (markup written in a Razor loop put spaces around each run, and "Muslims ," is not the text).
    /// </summary>
    public static IHtmlContent Html(string before, string after)
    {
        var html = new System.Text.StringBuilder();
        foreach (var (kind, text) in Compare(before, after))
        {
            var encoded = HtmlEncoder.Default.Encode(text);
            html.Append(kind switch
            {
                Kind.Removed => $"<del>{encoded}</del>",
                Kind.Added => $"<ins>{encoded}</ins>",
                _ => encoded,
            });
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>A word with the spaces after it, or punctuation on its own.</summary>
    [GeneratedRegex(@"\w+\s*|[^\w\s]+\s*|\s+")]
    private static partial Regex Tokens();
}
