using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Rendering;

public class SentenceTests
{
    [Theory]
    [InlineData("an Indian fighter", "An Indian fighter")]
    [InlineData("Abu Ibrahim", "Abu Ibrahim")]
    [InlineData("", "")]
    public void StartCapitalisesOnlyALowerCaseFirstLetter(string text, string expected) => Assert.Equal(expected, Sentence.Start(text));

    /// <summary>A correction note ending in its own full stop read "…tryout.. Read the statement" on the version page.</summary>
    [Theory]
    [InlineData("Corrected a transcription error", "Corrected a transcription error.")]
    [InlineData("Corrected a transcription error.", "Corrected a transcription error.")]
    [InlineData("Was this right?", "Was this right?")]
    [InlineData("Cut short… ", "Cut short…")]
    public void EndAddsAFullStopOnlyWhereTheTextHasNoClosingMark(string text, string expected) =>
        Assert.Equal(expected, Sentence.End(text));
}
