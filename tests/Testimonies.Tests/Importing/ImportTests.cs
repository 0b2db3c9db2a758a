using System.Text;
using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Importing;

public class ImportTests
{
    /// <summary>The engine these tests run on; a subclass runs them again on PostgreSQL (Postgres/OnPostgres.cs).</summary>
    protected virtual TestStore Store => TestStore.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<ImportFile> AsFiles(Dictionary<string, byte[]> files) =>
        files.Select(f => new ImportFile(f.Key, f.Value)).ToList();

    /// <summary>Loads the files into a fresh store; returns the problems (empty when it loaded) and the store's counts.</summary>
    private async Task<(IReadOnlyList<ImportProblem> Problems, (int, int, int, int, int) Counts)> LoadAsync(
        Dictionary<string, byte[]> files)
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        IReadOnlyList<ImportProblem> problems = [];
        await using (var db = database.CreateContext())
        {
            try
            {
                await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(files), Ct);
            }
            catch (ImportFailedException ex)
            {
                problems = ex.Problems;
            }
        }
        return (problems, await database.CountsAsync());
    }

    // Regression: each chunk of the re-import's comparison sent its 1,000 ids as 1,000 parameters, and EF wrote the SQL of the
    // reasons' split query again for each chunk: a re-import of 100,000 unchanged statements allocated 14 GB on SQLite
    // (docs/performance.md, "The re-import"). A chunk's ids go as one parameter.
    [Fact]
    public async Task AReimportComparesEachChunkOfStatementsWithOneParameterForItsIds()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        data.AddStatements(3, 1200);
        var files = AsFiles(data.Files());
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), files, Ct);
        var log = new CommandLog();
        await using (var db = database.CreateContext(log))
        {
            var problems = new ImportProblems();
            var outcome = await ArchiveImport.ApplyAsync(db, TestIndex.For(db), ImportSet.Parse(files, problems),
                new ImportActor("test", "test", DateTimeOffset.UtcNow), Ct);
            Assert.Empty(problems);
            Assert.True(outcome.ChangesNothing, outcome.Summary);
        }
        Assert.InRange(log.MostParameters, 1, 20);
    }

    private async Task<ImportProblem> SingleProblemAndNothingLoadedAsync(TestData data)
    {
        var (problems, counts) = await LoadAsync(data.Files());
        Assert.Equal((0, 0, 0, 0, 0), counts);
        return Assert.Single(problems);
    }

    [Fact]
    public async Task ValidFilesLoadEveryRow()
    {
        var (problems, counts) = await LoadAsync(new TestData().Files());
        Assert.Empty(problems);
        Assert.Equal((2, 1, 1, 2, 1), counts);
    }

    [Fact]
    public async Task ReimportingTheSameFilesChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var files = AsFiles(new TestData().Files());
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), files, Ct);
        await using (var db = database.CreateContext())
        {
            var changes = await DataFolder.LoadAsync(db, TestIndex.For(db), files, Ct);
            Assert.All(changes, c => Assert.Equal((0, 0), (c.Created, c.Updated)));
            Assert.Equal(8, changes.Sum(c => c.Unchanged)); // 2 reasons, 1 codebook version, 1 source, 1 speaker, 2 statements, 1 finding
        }
    }

    [Fact]
    public async Task ReimportingAChangedTextUpdatesOnlyThatStatement()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        data.Statements[1] = data.Statements[1].Replace("Synthetic words number one", "Synthetic words, corrected",
            StringComparison.Ordinal);
        data.Statements[1] = data.Statements[1].Replace("Synthetic words, corrected", TestData.Cell("Synthetic words, corrected"),
            StringComparison.Ordinal)
            + ",Corrected a transcription error";
        await using (var db = database.CreateContext())
        {
            var statements = (await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct))
                .Single(c => c.Table == "statements");
            Assert.Equal(new TableChanges("statements", 0, 1, 1), statements);
        }
        await using (var db = database.CreateContext())
            Assert.Equal("Synthetic words, corrected", (await db.Statements.SingleAsync(s => s.PublicId == "test-0001", Ct)).Text);
    }

    [Fact]
    public async Task ChangingTheWordsOfAStatementNeedsACorrectionNote()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        data.Statements[1] = data.Statements[1].Replace("Synthetic words number one", "Synthetic words number won",
            StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            var failure = await Assert.ThrowsAsync<ImportFailedException>(() => DataFolder.LoadAsync(db, TestIndex.For(db),
                AsFiles(data.Files()), Ct));
            var problem = Assert.Single(failure.Problems);
            Assert.Equal(("statements.csv", 2, "correction_note"), (problem.File, problem.Line, problem.Field));
        }
        await using (var db = database.CreateContext())
            Assert.Equal("Synthetic words number one", (await db.Statements.SingleAsync(s => s.PublicId == "test-0001", Ct)).Text);
    }

    [Fact]
    public async Task EveryImportedChangeLeavesARevision()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        data.Statements[1] = data.Statements[1].Replace("Synthetic words number one", "Synthetic words number won",
            StringComparison.Ordinal) + ",Fixed a typo";
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        await using (var db = database.CreateContext())
        {
            var revisions = await db.Revisions.Where(r => r.Statement.PublicId == "test-0001").OrderBy(r => r.Id).ToListAsync(Ct);
            Assert.Equal(["created", "text"], revisions.Select(r => r.Changes));
            Assert.Equal("Synthetic words number one", revisions[1].PreviousText);
            Assert.Equal("Fixed a typo", revisions[1].Note);
            Assert.Equal("data folder", revisions[1].By);
        }
    }

    [Fact]
    public async Task MissingTextIsRequired()
    {
        var data = new TestData();
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,,,test-reason,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal(("statements.csv", 2, "text"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("empty but is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownReasonSuggestsTheNearestKnownOne()
    {
        var data = new TestData();
        data.Statements[2] = "test-0002,test-source,2,,2,test-speaker,paraphrase,en,Reported words.,,test-reasn,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal(("statements.csv", 3, "reasons"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("did you mean “test-reason”", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-source", "test-speaker", "source")]
    [InlineData("test-source", "no-such-speaker", "speaker")]
    public async Task UnknownSourceOrSpeakerReferenceIsNamed(string source, string speaker, string field)
    {
        var data = new TestData();
        data.Statements[1] = $"test-0001,{source},1,,1,{speaker},quotation,en,Words,,,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal(("statements.csv", 2, field), (problem.File, problem.Line, problem.Field));
        Assert.Contains("is not a known", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateIdentifiersWithinAFileAreRefused()
    {
        var data = new TestData();
        data.Statements[2] = "test-0001,test-source,2,,2,test-speaker,paraphrase,en,Reported words.,,,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal(("statements.csv", 3, "id"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("used already on line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextOverTheLengthLimitIsRefused()
    {
        var data = new TestData();
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,"
            + $"{new string('a', DataFormat.MaxTextLength + 1)},,,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal("text", problem.Field);
        Assert.Contains("the limit is 4,000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8IsRefusedWithAHowToFix()
    {
        var files = new TestData().Files();
        var bytes = files["speakers.csv"].ToList();
        bytes.InsertRange(bytes.Count - 2, [0xC3, 0x28]); // an invalid two-byte sequence
        files["speakers.csv"] = [.. bytes];
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = problems.First(p => p.File == "speakers.csv");
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspelledHeaderColumnIsNamedWithTheRightName()
    {
        var data = new TestData();
        data.Statements[0] = TestData.StatementsHeader.Replace(",text,", ",txt,", StringComparison.Ordinal);
        var (problems, counts) = await LoadAsync(data.Files());
        Assert.Equal((0, 0, 0, 0, 0), counts);
        Assert.Contains(problems,
            p => p is { File: "statements.csv", Line: 1, Field: "txt" }
                && p.Message.Contains("did you mean “text”", StringComparison.Ordinal));
        Assert.Contains(problems,
            p => p is { Line: 1, Field: "text" } && p.Message.Contains("lacks the required column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadLastRowLoadsNothingAtAll()
    {
        var data = new TestData();
        data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quote,en,Words,,,,,published");
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal(("statements.csv", 4, "kind"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("did you mean “quotation”", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("published", "Jan 2016", "is not a date")]
    [InlineData("published", "2016-13", "is not a date")]
    [InlineData("url", "javascript:alert(1)", "is not an http or https address")]
    [InlineData("url", "www.example.org/report", "is not an http or https address")]
    [InlineData("language", "english language", "is not a language tag")]
    public async Task BadSourceCellsAreExplained(string column, string value, string message)
    {
        var data = new TestData();
        var published = column == "published" ? value : "2020-05";
        var url = column == "url" ? value : "";
        var language = column == "language" ? TestData.Cell(value) : "en";
        data.Sources[1] = $"test-source,Synthetic Test Source,,,,,,Test Publisher,,{published},{url},{language},";
        var (problems, counts) = await LoadAsync(data.Files());
        Assert.Equal((0, 0, 0, 0, 0), counts);
        Assert.Contains(problems,
            p => p.File == "sources.csv" && p.Line == 2 && p.Field == column && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("then we got labelled as terroristsFootnote 95 ’’", "footnote marker")]
    [InlineData("“People want to come back”", "without its surrounding quotation marks")]
    [InlineData(" leading space", "begins or ends with spaces")]
    public async Task CopyAndPasteDebrisInAQuotationIsCaught(string text, string message)
    {
        var data = new TestData();
        data.Statements[1] = $"test-0001,test-source,1,,1,test-speaker,quotation,en,{TestData.Cell(text)},,,,,published";
        var problem = await SingleProblemAndNothingLoadedAsync(data);
        Assert.Equal("text", problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFileNameIsRefused()
    {
        var files = new TestData().Files();
        files["notes.docx"] = Encoding.UTF8.GetBytes("hello");
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal("notes.docx", problem.File);
        Assert.Contains("only CSV (.csv) and JSON (.json) files can be imported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainTextFileNoSourceNamesIsRefused()
    {
        var files = new TestData().Files();
        files["notes.txt"] = Encoding.UTF8.GetBytes("hello");
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        var problem = Assert.Single(problems);
        Assert.Equal("notes.txt", problem.File);
        Assert.Contains("no source names this file in its text_file column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnclosedQuoteIsReportedNotSwallowed()
    {
        var data = new TestData();
        data.Statements[1] = "test-0001,test-source,1,,1,test-speaker,quotation,en,\"Words that never close,,,,,published";
        var (problems, counts) = await LoadAsync(data.Files());
        Assert.Equal((0, 0, 0, 0, 0), counts);
        Assert.Contains(problems, p => p.File == "statements.csv");
    }

    [Fact]
    public async Task ByteOrderMarkCrlfQuotedNewlinesAndArabicAreRead()
    {
        var data = new TestData();
        const string arabic = "هذا ليس جهاداً";
        data.Statements[1] = $"test-0001,test-source,1,,1,test-speaker,quotation,ar,{TestData.Cell(arabic)},,,,,published";
        data.Statements[2] = "test-0002,test-source,2,,2,test-speaker,paraphrase,en,"
            + $"{TestData.Cell("First line,\r\nsecond line.")},,,,,published";
        var files = data.Files();
        var crlf = Encoding.UTF8.GetString(files["statements.csv"]).Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace("\r\r\n", "\r\n", StringComparison.Ordinal);
        files["statements.csv"] = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)];

        await using var database = await TestDatabase.CreateAsync(Store);
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(files), Ct);
        await using (var db = database.CreateContext())
        {
            var statements = await db.Statements.OrderBy(s => s.Position).ToListAsync(Ct);
            Assert.Equal(arabic, statements[0].Text);
            Assert.Equal("ar", statements[0].Language);
            Assert.Equal("First line,\r\nsecond line.", statements[1].Text);
        }
    }

    [Fact]
    public async Task ReferencesMayPointAtRowsAlreadyInTheStore()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var data = new TestData();
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        var onlyStatements = new Dictionary<string, byte[]>
        {
            ["statements.csv"] = TestData.Encode([TestData.StatementsHeader,
                "test-0003,test-source,3,,,test-speaker,quotation,en,More synthetic words,,other-reason,,,draft"]),
        };
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(onlyStatements), Ct);
        await using (var db = database.CreateContext())
        {
            var added = await db.Statements.Include(s => s.Reasons).SingleAsync(s => s.PublicId == "test-0003", Ct);
            Assert.Equal(PublicationStatus.Draft, added.Status);
            Assert.Equal("other-reason", Assert.Single(added.Reasons).Slug);
        }
    }

    [Fact]
    public async Task MoreStatementsThanSqliteTakesParametersInOneQueryImport()
    {
        // Regression: EF sends each value of a Contains list as a parameter; SQLite takes at most 32,766.
        var data = new TestData();
        data.Statements.RemoveRange(1, data.Statements.Count - 1);
        for (var i = 1; i <= 33_000; i++)
            data.Statements.Add($"gen-{i:D5},test-source,{i},,,test-speaker,quotation,en,Synthetic words {i},,,,,published");
        await using var database = await TestDatabase.CreateAsync(Store);
        await using (var db = database.CreateContext()) await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(data.Files()), Ct);
        Assert.Equal(33_000, (await database.CountsAsync()).Statements);
    }

    [Fact]
    public void ProblemsReadAsASentenceWithFileLineAndColumn()
    {
        var problem = new ImportProblem("statements.csv", 7, "text", "this cell is empty but is required.");
        Assert.Equal("statements.csv, line 7, column “text”: this cell is empty but is required.", problem.ToString());
    }

    [Fact]
    public async Task TheDataFolderObeysTheUploadsRecordLimit()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["speakers.csv"] = Encoding.UTF8.GetBytes("key,description\n" + string.Concat(Enumerable.Repeat("x\n", 100_001))),
            ["reasons.csv"] = Encoding.UTF8.GetBytes("slug,name\n" + string.Concat(Enumerable.Repeat("x\n", 100_000))),
        };
        var (problems, counts) = await LoadAsync(files);
        Assert.Equal((0, 0, 0, 0, 0), counts);
        Assert.Equal("the files hold 200,001 records; one import takes at most 200,000. Split it into several imports.",
            Assert.Single(problems).Message);
    }
}

