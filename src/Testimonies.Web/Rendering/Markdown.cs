using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Testimonies.Web.Rendering;

/// <summary>
/// Renders the archive's Markdown (context notes, source and speaker notes) safely:
/// raw HTML is disabled, images are dropped, and only http(s), mailto and relative links survive.
/// </summary>
public static partial class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The project's documents (docs/data-format.md): tables and heading anchors as well, raw HTML still disabled.</summary>
    private static readonly MarkdownPipeline DocumentPipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

    /// <summary>A document of the project as a page, with the same safety as notes.</summary>
    public static IHtmlContent DocumentToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, DocumentPipeline);
        RemoveUnsafeLinks(document);
        return new HtmlString(document.ToHtml(DocumentPipeline));
    }

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        RemoveUnsafeLinks(document);
        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>
    /// The Markdown's text without its markup ("*fitna*" → "fitna", a link → its words), paragraphs joined by spaces: for
    /// an excerpt shown inside other text, such as a search result's context note. Characters the Markdown does not
    /// use (the search's private-use mark delimiters) pass through.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        var plain = Markdig.Markdown.ToPlainText(markdown, Pipeline);
        return WhiteSpaceRun().Replace(plain, " ").Trim();
    }

    /// <summary>True for links a reader may follow: http, https, mailto, and addresses within this site.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so do the same before checking.
        var compact = IgnoredInScheme().Replace(url, "");
        var scheme = SchemePattern().Match(compact);
        if (!scheme.Success) return true; // relative: /s/csis16-01, #notes, page?x=1
        return scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    private static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!link.IsImage && IsSafeUrl(link.Url)) continue;
            // Keep the link's text, drop the link (and every image).
            while (link.FirstChild is { } child)
            {
                child.Remove();
                if (!link.IsImage) link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (IsSafeUrl(autolink.Url)) continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();

    [GeneratedRegex(@"[\u0000-\u0020\u007F-\u009F]")]
    private static partial Regex IgnoredInScheme();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex SchemePattern();
}
