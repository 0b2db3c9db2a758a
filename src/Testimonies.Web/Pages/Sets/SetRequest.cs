using System.Text;
using Microsoft.Extensions.Primitives;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// What a set's address asks for, as read: the statements' ids in the order given (one ids= with commas, or several ids=),
/// each id once; the ids that are not an id's shape; the reader's title, bounded; and whether the classroom cover is asked for.
/// </summary>
public sealed record SetRequest(IReadOnlyList<string> Ids, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Malformed,
    string? Title, bool TitleShortened, bool Cover)
{
    /// <summary>A set holds at most this many statements: a handout and a lesson stay readable, a request bounded.</summary>
    public const int MaxStatements = 50;

    /// <summary>Ids read from one address at most (duplicates and malformed ones included): more is refused unread.</summary>
    public const int MaxNamed = 200;

    public const int MaxTitleLength = Archive.CuratedSet.TitleMaxLength;
    public const int MaxIdLength = 40;

    public const string IdsKey = "ids";
    public const string TitleKey = "title";
    public const string CoverKey = "cover";
    public const string StyleKey = "style";

    /// <summary>The query keys a set's download reads (its cache key holds these only).</summary>
    public static readonly string[] QueryKeys = [IdsKey, TitleKey];

    /// <summary>How many ids the address named in all (each duplicate and malformed one counted).</summary>
    public int Named { get; init; }

    public bool TooMany => Ids.Count > MaxStatements || Named > MaxNamed;

    public static SetRequest Read(HttpRequest request) =>
        Parse(IdsInOrder(request.QueryString), request.Query[TitleKey].FirstOrDefault(),
            request.Query[CoverKey].FirstOrDefault() is "1" or "true");

    /// <summary>
    /// Every ids= value in the order the address gives them: the query collection merges a repeated key's values in an
    /// order of its own (a later ids= came first), and a set's order is its meaning.
    /// </summary>
    public static StringValues IdsInOrder(QueryString query)
    {
        var values = new List<string>();
        foreach (var pair in (query.Value ?? "").TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!string.Equals(Uri.UnescapeDataString(key.Replace('+', ' ')), IdsKey, StringComparison.Ordinal)) continue;
            values.Add(equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
        }
        return new StringValues(values.ToArray());
    }

    /// <summary>The ids of <paramref name="values"/> (each a comma-separated list), the title and the cover, as a set reads them.</summary>
    public static SetRequest Parse(StringValues values, string? title, bool cover)
    {
        var ids = new List<string>();
        var duplicates = new List<string>();
        var malformed = new List<string>();
        var named = 0;
        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (++named > MaxNamed) break;
                var id = part.ToLowerInvariant();
                if (!IsIdShape(id)) malformed.Add(part.Length > MaxIdLength ? part[..MaxIdLength] + "…" : part);
                else if (ids.Contains(id, StringComparer.Ordinal)) { if (!duplicates.Contains(id)) duplicates.Add(id); }
                else ids.Add(id);
            }
        }
        var (cleanTitle, shortened) = CleanTitle(title);
        return new SetRequest(ids, duplicates, malformed, cleanTitle, shortened, cover) { Named = named };
    }

    /// <summary>A statement id's shape: lower-case letters and digits, with hyphens, dots or underscores between.</summary>
    public static bool IsIdShape(string id) =>
        id.Length is > 0 and <= MaxIdLength && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_');

    /// <summary>
    /// The title on one line without control characters, spaces collapsed, at most <see cref="MaxTitleLength"/> characters
    /// (cut, and said so); null when nothing is left.
    /// </summary>
    public static (string? Title, bool Shortened) CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return (null, false);
        var text = new StringBuilder(Math.Min(title.Length, MaxTitleLength * 2));
        foreach (var c in title)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space) { if (text.Length > 0 && text[^1] != ' ') text.Append(' '); }
            else text.Append(c);
            if (text.Length > MaxTitleLength * 2) break;
        }
        var clean = text.ToString().Trim();
        if (clean.Length <= MaxTitleLength) return (clean.Length == 0 ? null : clean, false);
        // Never cut between the two halves of a surrogate pair.
        var cut = char.IsHighSurrogate(clean[MaxTitleLength - 1]) ? MaxTitleLength - 1 : MaxTitleLength;
        return (clean[..cut].TrimEnd(), true);
    }

    /// <summary>The query string of a set's address ("ids=a,b&amp;title=…&amp;cover=1") without the "?"; empty for nothing.</summary>
    public static string Query(IEnumerable<string>? ids, string? title, bool cover, string? style = null)
    {
        var parts = new List<string>();
        if (ids is not null) parts.Add($"{IdsKey}={string.Join(',', ids.Select(Uri.EscapeDataString))}");
        if (title is not null) parts.Add($"{TitleKey}={Uri.EscapeDataString(title)}");
        if (style is not null) parts.Add($"{StyleKey}={Uri.EscapeDataString(style)}");
        if (cover) parts.Add($"{CoverKey}=1");
        return string.Join('&', parts);
    }
}
