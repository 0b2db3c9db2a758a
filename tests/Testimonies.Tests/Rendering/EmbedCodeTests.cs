using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Rendering;

public class EmbedCodeTests
{
    private static readonly string Code = EmbedCode.For("https://testimonies.example.org", "/s/csis16-03/embed?cover=1",
        "Statement csis16-03 from the Testimonies archive");

    [Fact]
    public void TheCodeIsAMarkedFrameAndTheHeightScript()
    {
        Assert.Equal("<iframe src=\"https://testimonies.example.org/s/csis16-03/embed?cover=1\" "
            + "title=\"Statement csis16-03 from the Testimonies archive\" width=\"100%\" height=\"420\" style=\"border:0\" "
            + "loading=\"lazy\" data-testimonies-embed></iframe>\n"
            + "<script src=\"https://testimonies.example.org/js/embed.js\" async></script>", Code);
    }

    [Fact]
    public void ShownItBreaksOnlyAtSlashesAndSpacesAndCopiesUnchanged()
    {
        var html = EmbedCode.Display(Code).Value!;
        Assert.Contains("https://testimonies.example.org/<wbr>s/<wbr><span class=\"nobreak\">csis16-03</span>/<wbr>embed<wbr>?cover=1",
            html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nobreak\">data-testimonies-embed</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal); // encoded
        var text = new AngleSharp.Html.Parser.HtmlParser().ParseFragment($"<pre>{html}</pre>", null!).Single().TextContent;
        Assert.Equal(Code, text);
    }

    [Fact]
    public void ATitleIsEncoded() =>
        Assert.Contains("title=\"&lt;b&gt; &quot;x&quot;\"", EmbedCode.For("https://a.example", "/e", "<b> \"x\""),
            StringComparison.Ordinal);
}
