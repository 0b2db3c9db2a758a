using Testimonies.Web.RefiQda;

namespace Testimonies.Tests.RefiQda;

/// <summary>Text that XML cannot hold becomes U+FFFD in a project; everything else, astral-plane characters included, stays.</summary>
public class XmlSafeTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("𝒳 and 😀 stay", "𝒳 and 😀 stay")]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("\u000Bvertical", "\uFFFDvertical")]
    public void ForbiddenCharactersAreReplaced(string text, string expected) => Assert.Equal(expected, QdaProject.XmlSafe(text));

    /// <summary>Lone surrogates, built here: a theory's data would not carry them to the test intact.</summary>
    [Fact]
    public void LoneSurrogatesAreReplacedAndPairsKept()
    {
        char high = (char)0xD800, low = (char)0xDC00;
        Assert.Equal("lone \uFFFD high", QdaProject.XmlSafe($"lone {high} high"));
        Assert.Equal("lone \uFFFD low", QdaProject.XmlSafe($"lone {low} low"));
        Assert.Equal("\uFFFD\uFFFD", QdaProject.XmlSafe($"{low}{high}"));
        Assert.Equal($"{high}{low}", QdaProject.XmlSafe($"{high}{low}"));
        Assert.Equal($"{high}{low}\uFFFD", QdaProject.XmlSafe($"{high}{low}{high}"));
    }
}
