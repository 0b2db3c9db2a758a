namespace Testimonies.Web.Rendering;

/// <summary>
/// The code a reader pastes into another site to embed one of the archive's embed pages (/s/{id}/embed, or any page
/// that loads js/embed-frame.js): an iframe marked data-testimonies-embed and the archive's js/embed.js, which sets the
/// iframe's height from the height the page inside reports. Without the script the default height still shows a
/// typical card whole; a longer one scrolls inside the frame.
/// </summary>
public static partial class EmbedCode
{
    public const int DefaultHeight = 420;

    /// <param name="siteAddress">The archive's address from <see cref="SiteAddress"/>, never the Host header.</param>
    /// <param name="path">The embed page's path and query, "/s/csis16-03/embed".</param>
    /// <param name="title">The iframe's title, which names the archive.</param>
    /// <param name="height">The height before the script has set one.</param>
    public static string For(string siteAddress, string path, string title, int height = DefaultHeight) =>
        $"<iframe src=\"{siteAddress}{path}\" title=\"{System.Net.WebUtility.HtmlEncode(title)}\" width=\"100%\" "
        + $"height=\"{height}\" style=\"border:0\" loading=\"lazy\" data-testimonies-embed></iframe>\n"
        + $"<script src=\"{siteAddress}/js/embed.js\" async></script>";

    /// <summary>
    /// The code as HTML to show on a page: encoded, with a line-break opportunity (&lt;wbr&gt;) after each slash of its
    /// web addresses and none inside a hyphenated word ("data-testimonies-embed", "csis16-14": kept whole by a span that
    /// does not wrap), so that a narrow screen wraps only between words and at an address's slashes. Copying the shown
    /// text gives the code unchanged.
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString Display(string code) =>
        new(Tokens().Replace(System.Net.WebUtility.HtmlEncode(code), token => token.Value.StartsWith("http", StringComparison.Ordinal)
            ? string.Join("/<wbr>", token.Value.Split('/').Select(Whole)).Replace("/<wbr>/<wbr>", "//", StringComparison.Ordinal)
                .Replace("?", "<wbr>?", StringComparison.Ordinal)
            : Whole(token.Value)));

    private static string Whole(string word) =>
        word.Contains('-', StringComparison.Ordinal) ? $"<span class=\"nobreak\">{word}</span>" : word;

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^""\s&]+|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")]
    private static partial System.Text.RegularExpressions.Regex Tokens();
}
