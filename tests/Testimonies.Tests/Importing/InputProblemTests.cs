using System.Text;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Importing;

/// <summary>Input that used to be read wrongly, or crash: each refused with a located message, and nothing written.</summary>
public class InputProblemTests
{
    /// <summary>The engine these tests run on; a subclass runs them again on PostgreSQL.</summary>
    protected virtual TestStore Store => TestStore.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(IReadOnlyList<ImportProblem> Problems, (int, int, int, int, int) Counts)> LoadAsync(
        Dictionary<string, byte[]> files, TestDatabase? into = null)
    {
        var database = into ?? await TestDatabase.CreateAsync(Store);
        try
        {
            IReadOnlyList<ImportProblem> problems = [];
            await using (var db = database.CreateContext())
            {
                try
                {
                    await DataFolder.LoadAsync(db, TestIndex.For(db), files.Select(f => new ImportFile(f.Key, f.Value)).ToList(), Ct);
                }
                catch (ImportFailedException ex)
                {
                    problems = ex.Problems;
                }
            }
            return (problems, await database.CountsAsync());
        }
        finally
        {
            if (into is null) await database.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    public async Task AnUnclosedQuoteIsReportedAtTheLineWhereItOpened(string end)
    {
        var data = new TestData();
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,Synthetic words,,,"
            + "\"A context that never closes,,published";
        data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quotation,en,Swallowed words,,,,,published");
        var files = data.Files();
        files["statements.csv"] = Encoding.UTF8.GetBytes(string.Join("\n", data.Statements) + end);
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.csv", 2), (problem.File, problem.Line));
        Assert.Contains("double quote opened on this line is never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuotedCellThatHoldsAWholeRecordIsFlagged()
    {
        var data = new TestData();
        // A quote closed only at the end of the next record: two records read as one, the second inside a cell.
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,Synthetic words,,,\"A context,,published\n"
            + "test-0003,test-source,3,,3,test-speaker,quotation,en,Swallowed words,,,,,published\",,published";
        var (problems, counts) = await LoadAsync(data.Files());
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.csv", 2, "context"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("line 3, which reads as a whole record", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> OtherEncodings()
    {
        var text = TestData.SpeakersHeader + "\ntest-speaker,,a synthetic test speaker,Testland,fighter,no,\n";
        return new()
        {
            { "UTF-16LE with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "UTF-16" },
            { "UTF-16BE with a BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "UTF-16" },
            { "UTF-32LE with a BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], "UTF-32" },
            { "UTF-16LE without", Encoding.Unicode.GetBytes(text), "UTF-16" },
            { "UTF-16BE without", Encoding.BigEndianUnicode.GetBytes(text), "UTF-16" },
            { "UTF-32LE without", Encoding.UTF32.GetBytes(text), "UTF-32" },
        };
    }

    [Theory]
    [MemberData(nameof(OtherEncodings))]
    public async Task OtherEncodingsThanUtf8AreRefusedWithOrWithoutAByteOrderMark(string encoding, byte[] content, string named)
    {
        var files = new TestData().Files();
        files["speakers.csv"] = content;
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.True(problem.File == "speakers.csv", encoding);
        Assert.Contains($"{named}, not UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1IsRefusedAtItsLine()
    {
        var files = new TestData().Files();
        files["speakers.csv"] =
            Encoding.Latin1.GetBytes(TestData.SpeakersHeader + "\ntest-speaker,,a caf\u00e9 speaker,Testland,fighter,no,\n");
        var (problems, _) = await LoadAsync(files);
        var problem = Assert.Single(problems);
        Assert.Equal(("speakers.csv", 2), (problem.File, problem.Line));
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoneSurrogateInJsonIsRefusedAtItsLine()
    {
        var files = new TestData().Files();
        files.Remove("statements.csv");
        files["statements.json"] = Encoding.UTF8.GetBytes("[\n  {\"id\": \"test-0001\", \"source\": \"test-source\", \"position\": 1,\n"
            + "   \"speaker\": \"test-speaker\", \"kind\": \"quotation\", \"text\": \"Broken \\ud800 words\"}\n]");
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.json", 3, "text"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("lone UTF-16 surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADuplicateJsonKeyIsRefusedAtItsLine()
    {
        var files = new TestData().Files();
        files.Remove("statements.csv");
        files["statements.json"] = Encoding.UTF8.GetBytes("[\n  {\"id\": \"test-0001\", \"source\": \"test-source\", \"position\": 1,\n"
            + "   \"speaker\": \"test-speaker\", \"kind\": \"quotation\", \"text\": \"Words\",\n   \"text\": \"Other words\"}\n]");
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.json", 4, "text"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("appears twice in this record", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APositionTakenByAnotherStatementInTheArchiveIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        Assert.Empty((await LoadAsync(new TestData().Files(), database)).Problems);
        var taken = new Dictionary<string, byte[]>
        {
            ["statements.csv"] = TestData.Encode([TestData.StatementsHeader,
                "test-0003,test-source,2,,,test-speaker,quotation,en,More synthetic words,,,,,published"]),
        };
        var (problems, counts) = await LoadAsync(taken, database);
        Assert.Equal(2, counts.Item4);
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.csv", 2, "position"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("position 2 of test-source is taken by statement test-0002", problem.Message, StringComparison.Ordinal);

        // Two statements swapping their positions in one import is no conflict.
        var swapped = new Dictionary<string, byte[]>
        {
            ["statements.csv"] = TestData.Encode([TestData.StatementsHeader,
                "test-0001,test-source,2,,1,test-speaker,quotation,en,Synthetic words number one,,test-reason,,,published",
                "test-0002,test-source,1,,2,test-speaker,paraphrase,en,The synthetic speaker reportedly said something.,,,,,published"]),
        };
        Assert.Empty((await LoadAsync(swapped, database)).Problems);
    }
}
