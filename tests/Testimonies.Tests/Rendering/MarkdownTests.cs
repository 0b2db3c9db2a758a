using AngleSharp.Html.Parser;
using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Rendering;

public class MarkdownTests
{
    private static string Render(string markdown) => Markdown.ToHtml(markdown).ToString()!;

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#x6A;avascript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![tracker](https://example.org/pixel.png)")]
    [InlineData("[click][r]\n\n[r]: javascript:alert(1)")]
    public void HostileMarkdownComesOutInert(string markdown)
    {
        var html = Render(markdown);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, object, embed"));
        Assert.All(document.All,
            element => Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.True(Markdown.IsSafeUrl(a.GetAttribute("href")), a.OuterHtml));
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UnsafeLinksKeepTheirText()
    {
        var html = Render("See [the report](javascript:alert(1)) here.");
        Assert.Contains("See the report here.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[the chapter](/sources/csis-2016-ch9)", "/sources/csis-2016-ch9")]
    [InlineData("[a page](https://example.org/report)", "https://example.org/report")]
    [InlineData("[write](mailto:editors@example.org)", "mailto:editors@example.org")]
    [InlineData("[next](/s/csis16-08)", "/s/csis16-08")]
    public void SafeLinksSurvive(string markdown, string href)
    {
        var document = new HtmlParser().ParseDocument(Render(markdown));
        Assert.Equal(href, document.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void EmphasisAndParagraphsRender()
    {
        var html = Render("The *fitna* (discord).\n\nSecond paragraph.");
        Assert.Equal("<p>The <em>fitna</em> (discord).</p>\n<p>Second paragraph.</p>\n", html);
    }

    [Fact]
    public void EmptyMarkdownRendersNothing() => Assert.Equal("", Render("  "));
}
