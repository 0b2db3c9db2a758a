using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;
using Testimonies.Web.Rendering;

namespace Testimonies.Tests.OpenData;

/// <summary>
/// Every CSV the site writes neutralises cells a spreadsheet would run as formulas (Rendering/CsvCells), the
/// dataset's too; the import reads a neutralised cell back as the original, so the dataset still re-imports unchanged.
/// </summary>
public class FormulaCellTests : IDisposable
{
    private readonly string _folder;
    private readonly Lazy<ArchiveFactory> _factory;

    protected virtual TestStore Store => TestStore.Sqlite;

    public FormulaCellTests()
    {
        var data = new TestData();
        data.Speakers[1] = "test-speaker,,@a synthetic test speaker,=Testland,fighter,no,";
        data.Statements.Add("test-0003,test-source,3,,3,test-speaker,quotation,en," +
            TestData.Cell("=HYPERLINK(\"http://example.com\",\"synthetic\")") + ",,test-reason," +
            TestData.Cell("+synthetic context") + "," + TestData.Cell("@synthetic note") + ",published");
        data.Statements.Add("test-0004,test-source,4,,4,test-speaker,quotation,en,-synthetic words with a dash,,,,,published");
        _folder = data.WriteToTempFolder();
        _factory = new(() =>
        {
            if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
            return new ArchiveFactory(_folder, Store);
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => _factory.Value.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=x", "''=x")]
    [InlineData("''-x", "'''-x")]
    [InlineData("'plain", "'plain")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void NeutralisingIsUndoneByTheImport(string cell, string written)
    {
        Assert.Equal(written, CsvCells.NeutraliseFormula(cell));
        Assert.Equal(cell, CsvCells.RestoreFormula(written));
    }

    private async Task<Dictionary<string, byte[]>> DatasetAsync()
    {
        using var client = Client();
        using var zip = new ZipArchive(await client.GetStreamAsync("/dataset.zip", Ct));
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            files[string.Join('/', entry.FullName.Split('/').Skip(1))] = copy.ToArray();
        }
        return files;
    }

    [Fact]
    public async Task TheDatasetsCsvNeutralisesFormulaCellsAndReimportsUnchanged()
    {
        var files = await DatasetAsync();
        var statements = Encoding.UTF8.GetString(files["csv/statements.csv"]);
        Assert.Contains("\"'=HYPERLINK(", statements, StringComparison.Ordinal);
        Assert.Contains("'+synthetic context", statements, StringComparison.Ordinal);
        Assert.Contains("'@synthetic note", statements, StringComparison.Ordinal);
        Assert.Contains("'-synthetic words with a dash", statements, StringComparison.Ordinal);
        var speakers = Encoding.UTF8.GetString(files["csv/speakers.csv"]);
        // The label column (empty here) stands between description and nationality.
        Assert.Contains("'@a synthetic test speaker,,'=Testland", speakers, StringComparison.Ordinal);
        // The JSON form is not for spreadsheets: it keeps the cells as they are.
        Assert.Contains("\"=HYPERLINK(", Encoding.UTF8.GetString(files["json/archive.json"]), StringComparison.Ordinal);

        var import = files.Where(f => f.Key.StartsWith("csv/", StringComparison.Ordinal))
            .Select(f => new ImportFile(f.Key["csv/".Length..], f.Value)).ToList();
        var problems = new ImportProblems();
        var set = ImportSet.Parse(import, problems);
        Assert.Empty(problems);
        var words = set.Statements.ToDictionary(s => s.PublicId, s => s.Text);
        Assert.Equal("=HYPERLINK(\"http://example.com\",\"synthetic\")", words["test-0003"]);
        Assert.Equal("-synthetic words with a dash", words["test-0004"]);

        await using var store = await TestDatabase.CreateAsync(Store);
        await using (var db = store.CreateContext())
            await DataFolder.LoadAsync(db, TestIndex.For(db), DataFolder.ReadFiles(_folder), Ct);
        await using (var db = store.CreateContext())
        {
            await ArchiveImport.ValidateAsync(db, set, problems, Ct);
            Assert.Empty(problems);
            var outcome = await ArchiveImport.ApplyAsync(db, TestIndex.For(db), set, new ImportActor("test", "test", DateTimeOffset.UtcNow),
                Ct);
            Assert.True(outcome.ChangesNothing, outcome.Summary);
        }
    }

    [Fact]
    public async Task StatisticsCsvNeutralisesFormulaCells()
    {
        using var client = Client();
        var csv = await client.GetStringAsync("/statistics.csv", Ct);
        Assert.Contains(",'=Testland,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=Testland,", csv, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated) _factory.Value.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
