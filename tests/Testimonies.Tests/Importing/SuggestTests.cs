using Testimonies.Web.Importing;

namespace Testimonies.Tests.Importing;

public class SuggestTests
{
    [Theory]
    [InlineData("infightin", "infighting")]
    [InlineData("BOREDOM", "boredom")]
    [InlineData("corupton", "corruption")]
    [InlineData("quote", "quotation")]
    [InlineData("paraphrased", "paraphrase")]
    public void SuggestsTheNearestKnownName(string typed, string expected) =>
        Assert.Equal(expected, Suggest.Nearest(typed, ["infighting", "boredom", "corruption", "quotation", "paraphrase"]));

    [Fact]
    public void SuggestsNothingWhenNothingIsClose() =>
        Assert.Null(Suggest.Nearest("weather", ["infighting", "boredom", "corruption"]));
}
