using Microsoft.EntityFrameworkCore;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Importing;

/// <summary>codebook.csv, coders.csv, codings.csv and decisions.csv: the rule from codings to published reasons, and bad input.</summary>
public class CodingImportTests
{
    /// <summary>The engine these tests run on; a subclass runs them again on PostgreSQL.</summary>
    protected virtual TestStore Store => TestStore.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CodersCsv = "key,label,notes\nsynthetic-coder-1,Synthetic coder 1,\nsynthetic-coder-2,Synthetic coder 2,\n";
    private const string CodingsHeader = "statement,coder,reason,confidence,codebook_version,coded_at,note,words";

    private static Dictionary<string, byte[]> Files(TestData data, params (string Name, string Content)[] more)
    {
        var files = data.Files();
        foreach (var (name, content) in more) files[name] = System.Text.Encoding.UTF8.GetBytes(content);
        return files;
    }

    private static List<ImportFile> AsFiles(Dictionary<string, byte[]> files) => files.Select(f => new ImportFile(f.Key, f.Value)).ToList();

    private static async Task<IReadOnlyList<ImportProblem>> TryLoadAsync(TestDatabase database, Dictionary<string, byte[]> files)
    {
        await using var db = database.CreateContext();
        try
        {
            await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(files), Ct);
            return [];
        }
        catch (ImportFailedException ex)
        {
            return ex.Problems;
        }
    }

    private static async Task<IReadOnlyList<TableChanges>> LoadAsync(TestDatabase database, Dictionary<string, byte[]> files)
    {
        await using var db = database.CreateContext();
        return await DataFolder.LoadAsync(db, TestIndex.For(db), AsFiles(files), Ct);
    }

    /// <summary>The statement's published reasons (slugs in order, joined by semicolons) and how they were arrived at.</summary>
    private static async Task<(string Reasons, CodingState State)> PublishedAsync(TestDatabase database, string id)
    {
        await using var db = database.CreateContext();
        var statement = await db.Statements.Include(s => s.Reasons).SingleAsync(s => s.PublicId == id, Ct);
        var outcome = await PublishedReasons.OfAsync(db, statement.Id, Ct);
        return (string.Join(';', statement.Reasons.Select(r => r.Slug).Order(StringComparer.Ordinal)), outcome.State);
    }

    /// <summary>Test data whose statement test-0001 has no reasons column, so that its codings alone say its reasons.</summary>
    private static TestData Uncoded()
    {
        var data = new TestData();
        data.Statements[1] = data.Statements[1].Replace(",,test-reason,", ",,,", StringComparison.Ordinal);
        return data;
    }

    [Fact]
    public async Task OneCodersCodingIsPublishedAsCodedByOneCoder()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        Assert.Empty(await TryLoadAsync(database, Files(Uncoded(), ("coders.csv", CodersCsv), ("codings.csv", CodingsHeader +
            "\ntest-0001,synthetic-coder-1,other-reason,certain,1,2020-02-01,Synthetic note.,words number\n"))));
        Assert.Equal(("other-reason", CodingState.OneCoder), await PublishedAsync(database, "test-0001"));
        await using var db = database.CreateContext();
        var coding = await db.Codings.Include(c => c.Statement).SingleAsync(Ct);
        Assert.Equal((Confidence.Certain, "Synthetic note.", 1), (coding.Confidence, coding.Note, coding.CodebookVersion));
        Assert.Equal("words number", Coding.WordsOf(coding.Statement.Text, coding.SpanStart, coding.SpanEnd));
        Assert.Equal(new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero), coding.CodedAt);
    }

    [Fact]
    public async Task CodersWhoDisagreeShowOnlyTheReasonsAllGaveUntilAnEditorDecides()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var codings = CodingsHeader + "\ntest-0001,synthetic-coder-1,test-reason,certain,1,,," +
            "\ntest-0001,synthetic-coder-1,other-reason,probable,1,,," +
            "\ntest-0001,synthetic-coder-2,test-reason,certain,1,,,\n";
        Assert.Empty(await TryLoadAsync(database, Files(Uncoded(), ("coders.csv", CodersCsv), ("codings.csv", codings))));
        Assert.Equal(("test-reason", CodingState.AwaitingDecision), await PublishedAsync(database, "test-0001"));

        var decision = "statement,codebook_version,reasons,decided_at,why\n" +
            "test-0001,1,test-reason;other-reason,2020-03-01T10:00:00Z,Synthetic reasoning: both apply.\n";
        Assert.Empty(await TryLoadAsync(database, Files(Uncoded(), ("decisions.csv", decision))));
        Assert.Equal(("other-reason;test-reason", CodingState.Decided), await PublishedAsync(database, "test-0001"));

        // The second coder codes again, now as the first did: they agree, and the decision no longer stands.
        var agreeing = CodingsHeader + "\ntest-0001,synthetic-coder-2,test-reason,certain,1,,," +
            "\ntest-0001,synthetic-coder-2,other-reason,certain,1,,,\n";
        var changes = await LoadAsync(database, Files(Uncoded(), ("codings.csv", agreeing)));
        Assert.Equal((0, 1, 0), changes.Where(c => c.Table == "codings").Select(c => (c.Created, c.Updated, c.Unchanged)).Single());
        Assert.Equal(("other-reason;test-reason", CodingState.Agreed), await PublishedAsync(database, "test-0001"));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Codings.CountAsync(c => c.ReplacedAt != null, Ct)); // the second coder's first coding, kept
        Assert.All(await db.CodingDecisions.ToListAsync(Ct), d => Assert.NotNull(d.ReplacedAt));
        Assert.Contains(await db.Revisions.Where(r => r.Statement.PublicId == "test-0001").Select(r => r.Changes).ToListAsync(Ct),
            c => c == "reasons");
    }

    [Fact]
    public async Task TheSameCodingsAgainChangeNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var files = Files(Uncoded(), ("coders.csv", CodersCsv), ("codings.csv", CodingsHeader +
            "\ntest-0001,synthetic-coder-1,test-reason,,1,2020-02-01T09:30:00+02:00,,\ntest-0002,synthetic-coder-1,,,1,,,\n"));
        await LoadAsync(database, files);
        var again = await LoadAsync(database, files);
        Assert.All(again, c => Assert.Equal((0, 0), (c.Created, c.Updated)));
        Assert.Equal(2, again.Single(c => c.Table == "codings").Unchanged);
        Assert.Equal(1, again.Single(c => c.Table == "codebook").Unchanged);
        Assert.Equal(("", CodingState.OneCoder), await PublishedAsync(database, "test-0002"));
    }

    [Fact]
    public async Task BadCodingsAreRefusedWhereTheyStandAndNothingIsWritten()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var codings = CodingsHeader +
            "\ntest-0001,synthetic-coder-3,test-reason,,1,,," +       // line 2: unknown coder
            "\ntest-0001,synthetic-coder-1,test-reasn,,1,,," +        // line 3: unknown reason
            "\ntest-0002,synthetic-coder-1,test-reason,,2,,," +       // line 4: unknown version
            "\ntest-0001,synthetic-coder-2,test-reason,,1,,,Not its words" + // line 5: words not in the statement
            "\ntest-0001,synthetic-coder-2,,,1,,," +                  // line 6: no reason beside a reason
            "\ntest-9999,synthetic-coder-1,test-reason,,1,,,\n";    // line 7: unknown statement
        var problems = await TryLoadAsync(database, Files(Uncoded(), ("coders.csv", CodersCsv), ("codings.csv", codings)));
        Assert.Contains(problems, p => p is { Line: 2, Field: "coder" } && p.Message.Contains("did you mean “synthetic-coder-1”"));
        Assert.Contains(problems, p => p is { Line: 3, Field: "reason" } && p.Message.Contains("did you mean “test-reason”"));
        Assert.Contains(problems, p => p is { Line: 4, Field: "codebook_version" } && p.Message.Contains("the versions are 1"));
        Assert.Contains(problems, p => p is { Line: 5, Field: "words" });
        Assert.Contains(problems, p => p is { Line: 6, Field: "reason" } && p.Message.Contains("no reason applies"));
        Assert.Contains(problems, p => p is { Line: 7, Field: "statement" } && p.Message.Contains("is not a known statement"));
        Assert.All(problems, p => Assert.Equal("codings.csv", p.File));
        Assert.Equal((0, 0, 0, 0, 0), await database.CountsAsync());
    }

    [Theory]
    [InlineData("test-0001,synthetic-coder-1,test-reason,sure,1,,,", "confidence", "certain, probable")]
    [InlineData("test-0001,synthetic-coder-1,test-reason,,1,yesterday,,", "coded_at", "is not a date or a date and time")]
    [InlineData("test-0001,synthetic-coder-1,test-reason,,one,,,", "codebook_version", "is not a whole number")]
    [InlineData("test-0001,Synthetic Coder,test-reason,,1,,,", "coder", "is not a valid identifier")]
    public async Task BadCodingCellsAreRefusedWhereTheyStand(string row, string field, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var files = Files(Uncoded(), ("coders.csv", CodersCsv), ("codings.csv", CodingsHeader + "\n" + row));
        var problems = await TryLoadAsync(database, files);
        var problem = Assert.Single(problems);
        Assert.Equal(("codings.csv", 2, field), (problem.File, problem.Line, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await database.CountsAsync());
    }

    [Fact]
    public async Task AReasonsColumnThatDisagreesWithTheCodingsIsRefusedWithTheirReasons()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var problems = await TryLoadAsync(database, Files(new TestData(), ("coders.csv", CodersCsv), ("codings.csv", CodingsHeader +
            "\ntest-0001,synthetic-coder-1,other-reason,,1,,,\n")));
        var problem = Assert.Single(problems);
        Assert.Equal(("statements.csv", 2, "reasons"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("worked out from its codings: other-reason", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingADefinitionNeedsTheNextCodebookVersion()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await LoadAsync(database, new TestData().Files());
        var changed = new TestData();
        changed.Reasons[1] = "test-reason,Test reason,other,Code when the synthetic text says so plainly.,,1";

        var refused = Assert.Single(await TryLoadAsync(database, changed.Files()));
        Assert.Equal(("reasons.csv", 2), (refused.File, refused.Line));
        Assert.Contains("it makes version 2, which needs its date and a change note", refused.Message, StringComparison.Ordinal);

        changed.Codebook.Add("2,2020-06-01,Synthetic change: the definition asks for plain words.");
        Assert.Empty(await TryLoadAsync(database, changed.Files()));
        await using var db = database.CreateContext();
        var versions = await db.CodebookVersions.OrderBy(v => v.Number).ToListAsync(Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Code when the synthetic text says so.", versions[0].Codes()!.Single(c => c.Slug == "test-reason").Definition);
        Assert.Equal("Code when the synthetic text says so plainly.", versions[1].Codes()!.Single(c => c.Slug == "test-reason").Definition);
    }

    [Theory]
    [InlineData("1,2020-01-02,Synthetic codebook for tests.", "dated", "does not change")]
    [InlineData("1,2020-01-01,Another note.", "change_note", "another change note")]
    [InlineData("3,2020-06-01,Skips a number.", "version", "the next version of the codebook is 2")]
    [InlineData("2,2020-06-01,Changes nothing.", "version", "would change nothing")]
    public async Task ACodebookVersionIsNeverRewrittenSkippedOrEmpty(string row, string field, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await LoadAsync(database, new TestData().Files());
        var data = new TestData();
        if (row.StartsWith("1,", StringComparison.Ordinal)) data.Codebook[1] = row; else data.Codebook.Add(row);
        var problem = Assert.Single(await TryLoadAsync(database, data.Files()));
        Assert.Equal(("codebook.csv", field), (problem.File, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewArchiveWithoutACodebookIsToldToStartOne()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        var files = new TestData().Files();
        files.Remove("codebook.csv");
        var problem = Assert.Single(await TryLoadAsync(database, files));
        Assert.Contains("the codebook has no version yet: add codebook.csv with version 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArchiveWithReasonsButNoCodebookGetsItsFirstVersionAtStartUp()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await LoadAsync(database, new TestData().Files());
        await using var db = database.CreateContext();
        await db.CodebookVersions.ExecuteDeleteAsync(Ct); // as an archive migrated from before versions
        Assert.True(await CodingImport.RecordFirstVersionAsync(db, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), Ct));
        Assert.False(await CodingImport.RecordFirstVersionAsync(db, DateTimeOffset.UtcNow, Ct));
        var version = await db.CodebookVersions.SingleAsync(Ct);
        Assert.Equal((1, new DateOnly(2026, 12, 1), 2), (version.Number, version.Dated, version.Codes()!.Count));
    }

    [Fact]
    public async Task TheFirstSourcesCodingIsOneCodersUnderVersionOne()
    {
        await using var database = await TestDatabase.CreateAsync(Store);
        await LoadAsync(database, DataFolder.ReadFiles(RepositoryPaths.Data).ToDictionary(f => f.Name, f => f.Content));
        await using var db = database.CreateContext();
        var version = await db.CodebookVersions.SingleAsync(Ct);
        Assert.Equal((1, new DateOnly(2026, 11, 25)), (version.Number, version.Dated));
        Assert.Equal(await db.Reasons.CountAsync(Ct), version.Codes()!.Count);
        Assert.Equal(["coder-1"], await db.Coders.Select(c => c.Key).ToListAsync(Ct));
        Assert.All(await db.Codings.ToListAsync(Ct), c => Assert.Equal((1, null, (DateTimeOffset?)null), (c.CodebookVersion,
            c.Confidence, c.ReplacedAt)));
        foreach (var row in DataFolderTests.ReadCsv("statements.csv"))
        {
            var (reasons, state) = await PublishedAsync(database, row["id"]);
            Assert.Equal(CodingState.OneCoder, state);
            Assert.Equal(string.Join(';', row["reasons"].Split(';', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)),
                reasons);
        }
    }
}
