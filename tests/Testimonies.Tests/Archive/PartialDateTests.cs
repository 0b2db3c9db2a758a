using Testimonies.Web.Archive;

namespace Testimonies.Tests.Archive;

public class PartialDateTests
{
    [Theory]
    [InlineData("2016", "2016", "2016")]
    [InlineData("2016-01", "2016-01", "January 2016")]
    [InlineData("2016-02-29", "2016-02-29", "29 February 2016")]
    public void KeepsThePrecisionItWasGiven(string text, string stored, string shown)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(stored, date.ToString());
        Assert.Equal(shown, date.ToDisplay());
    }

    [Theory]
    [InlineData("")]
    [InlineData("16")]
    [InlineData("2016-1")]
    [InlineData("2016-00")]
    [InlineData("2015-02-29")]
    [InlineData("2016-01-01-01")]
    [InlineData("January 2016")]
    [InlineData("+2016")]
    public void RefusesAnythingElse(string text) => Assert.False(PartialDate.TryParse(text, out _));
}
