using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

public class HighlightTests
{
    private const char S = '\uE000';
    private const char E = '\uE001';

    [Fact]
    public void MarksBecomeTagsAfterTheTextIsEncoded() =>
        Assert.Equal("&lt;script&gt; <mark>fighting</mark> &amp; &quot;x&quot;",
            StatementSearch.ToHtml($"<script> {S}fighting{E} & \"x\""));

    [Fact]
    public void TwoHighlightingsOfOneTextMerge() =>
        Assert.Equal($"{S}killing{E} other {S}Muslims{E} now",
            StatementSearch.Merge($"{S}killing{E} other Muslims now", $"killing other {S}Muslims{E} now"));

    [Fact]
    public void OverlappingMarksMergeIntoOne() =>
        Assert.Equal($"{S}killing other Muslims{E}",
            StatementSearch.Merge($"{S}killing other{E} Muslims", $"killing {S}other Muslims{E}"));
}
