using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Rendering;

public class WordDiffTests
{
    private static string Show(string before, string after) => string.Concat(WordDiff.Compare(before, after).Select(r => r.Kind switch
    {
        WordDiff.Kind.Removed => $"[-{r.Text}]",
        WordDiff.Kind.Added => $"[+{r.Text}]",
        _ => r.Text,
    }));

    [Fact]
    public void TheSameTextIsOneUnchangedRun()
    {
        var runs = WordDiff.Compare("Code when the speaker says so.", "Code when the speaker says so.");
        Assert.Equal([(WordDiff.Kind.Same, "Code when the speaker says so.")], runs);
    }

    [Fact]
    public void AChangedWordIsRemovedThenAdded()
    {
        Assert.Equal("Code when the [-speaker ][+source ]says so.",
            Show("Code when the speaker says so.", "Code when the source says so."));
    }

    [Fact]
    public void AddedAndRemovedWordsKeepTheirPlaces()
    {
        Assert.Equal("Code [+only ]when the speaker says so[-, loudly].",
            Show("Code when the speaker says so, loudly.", "Code only when the speaker says so."));
    }

    [Fact]
    public void EmptyTextsAreAllAddedOrAllRemoved()
    {
        Assert.Equal("[+New words.]", Show("", "New words."));
        Assert.Equal("[-Old words.]", Show("Old words.", ""));
        Assert.Empty(WordDiff.Compare("", ""));
    }

    [Fact]
    public void TheRunsGiveBackBothTexts()
    {
        const string before = "Active killing of civilians is brutality-and-indiscriminate-killing.";
        const string after = "Killing civilians, actively, is brutality-and-indiscriminate-killing; neglect is not.";
        var runs = WordDiff.Compare(before, after);
        Assert.Equal(before, string.Concat(runs.Where(r => r.Kind != WordDiff.Kind.Added).Select(r => r.Text)));
        Assert.Equal(after, string.Concat(runs.Where(r => r.Kind != WordDiff.Kind.Removed).Select(r => r.Text)));
    }

    [Fact]
    public void TheHtmlIsEncodedWithNothingBetweenTheRuns()
    {
        var html = WordDiff.Html("Fighting Muslims <b>then</b> rebels.", "Fighting Muslims & rebels.").ToString();
        Assert.Equal("Fighting Muslims <del>&lt;b&gt;then&lt;/b&gt; </del><ins>&amp; </ins>rebels.", html);
    }
}
