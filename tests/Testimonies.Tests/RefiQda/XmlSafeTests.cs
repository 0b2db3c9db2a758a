using Testimonies.Web.RefiQda;

namespace Testimonies.Tests.RefiQda;

/// <summary>Text that XML cannot hold becomes U+FFFD in a project; everything else, astral-plane characters included, stays.</summary>
public class XmlSafeTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("𝒳 and 😀 stay", "𝒳 and 😀 stay")]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("lone \uD800 high", "lone \uFFFD high")]
    [InlineData("lone \uDC00 low", "lone \uFFFD low")]
    [InlineData("\uDC00\uD800", "\uFFFD\uFFFD")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("\u000Bvertical", "\uFFFDvertical")]
    public void ForbiddenCharactersAreReplaced(string text, string expected) => Assert.Equal(expected, QdaProject.XmlSafe(text));
}
