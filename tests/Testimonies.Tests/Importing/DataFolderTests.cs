using System.Globalization;
using CsvHelper;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Importing;

/// <summary>The curated data/ is evidence: these tests hold it to the source text, independently of the app's parser.</summary>
public class DataFolderTests
{
    private static readonly string ChapterText = File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"));

    public static List<Dictionary<string, string>> ReadCsv(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Data, fileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>()
            .Select(row => ((IDictionary<string, object>)row).ToDictionary(kv => kv.Key, kv => (string)kv.Value))
            .ToList();
    }

    public static TheoryData<string> StatementIds() => [.. ReadCsv("statements.csv").Select(r => r["id"])];

    [Fact]
    public async Task TheDataFolderLoadsWithoutAProblem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
            await DataFolder.LoadAsync(db, TestIndex.For(db), DataFolder.ReadFiles(RepositoryPaths.Data),
                TestContext.Current.CancellationToken);
        Assert.Equal((11, 1, 14, 18, 3), await database.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(StatementIds))]
    public void EveryStatementStandsWordForWordInTheChapter(string id)
    {
        var text = ReadCsv("statements.csv").Single(r => r["id"] == id)["text"];
        Assert.Contains(text, ChapterText, StringComparison.Ordinal);
        Assert.DoesNotContain("Footnote", text, StringComparison.Ordinal);
        Assert.DoesNotContain("’’", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPublishedFindingStandsWordForWordInTheChapter()
    {
        foreach (var finding in ReadCsv("findings.csv"))
            Assert.Contains(finding["wording"], ChapterText, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFootnotedQuotationOfTheChapterIsArchived()
    {
        // The chapter quotes fighters under these footnotes (the seed's own list); each must be in data/.
        int[] quoted = [95, 97, 98, 100, 101, 102, 103, 110, 111, 112];
        var archived = ReadCsv("statements.csv").Where(r => r["kind"] == "quotation")
            .Select(r => int.Parse(r["footnote"], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(quoted, archived.Order());
    }

    [Fact]
    public void TheChaptersMixedApostrophesAreKept()
    {
        var texts = ReadCsv("statements.csv").Select(r => r["text"]).ToList();
        Assert.Contains("It's not a revolution or jihad, it’s slaughter", texts);
        Assert.Contains("I wasn't doing what I had initially come for and that's to help in a humanitarian sense the people of Syria",
            texts);
        Assert.Contains("Muslims are fighting Muslims; I didn’t come for that", texts);
    }

    [Fact]
    public void ParaphrasesAreTheReportedSpeechOfTheChapter()
    {
        var paraphrases = ReadCsv("statements.csv").Where(r => r["kind"] == "paraphrase").Select(r => r["speaker"]).ToList();
        Assert.Contains("indian-fighter", paraphrases);
        Assert.Contains("syrian-fighters", paraphrases);
        Assert.Equal(6, paraphrases.Count);
    }

    [Fact]
    public void NamesAreGivenOnlyWhereTheChapterGivesThem()
    {
        var named = ReadCsv("speakers.csv").Where(r => r["name"].Length > 0).Select(r => r["name"]).Order().ToList();
        Assert.Equal(["Abu Ibrahim", "Saddam Jamal"], named);
        Assert.All(named, name => Assert.Contains(name, ChapterText, StringComparison.Ordinal));
    }

    [Fact]
    public void NoWebAddressIsGuessed() =>
        Assert.All(ReadCsv("sources.csv"), source => Assert.Equal("", source["url"]));

    [Fact]
    public void TheThreeIcsrFiguresAreTheChaptersOwn()
    {
        var figures = ReadCsv("findings.csv").ToDictionary(f => f["footnote"], f => f["figure"]);
        Assert.Equal("at least 21 individuals (35 per cent)", figures["99"]);
        Assert.Equal("8.5 per cent", figures["107"]);
        Assert.Equal("just over 21 per cent", figures["109"]);
    }
}
