using System.IO.Compression;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.OpenData;

/// <summary>The dataset download: the archive in its own import format, which imports back without a change.</summary>
public class DatasetTests(SiteFixture site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, byte[]>> DownloadAsync()
    {
        var response = await site.Client.GetAsync("/dataset.zip", Ct);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("testimonies-dataset-v", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'),
            StringComparison.Ordinal);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
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
    public async Task TheZipHoldsCsvJsonACodebookAndTheLicence()
    {
        var files = await DownloadAsync();
        foreach (var spec in DataFormat.All) Assert.Contains($"csv/{spec.FileName}", files.Keys);
        Assert.Contains("json/archive.json", files.Keys);
        var readme = System.Text.Encoding.UTF8.GetString(files["README.md"]);
        Assert.Contains("## How to cite", readme, StringComparison.Ordinal);
        Assert.Contains("**Infighting", readme, StringComparison.Ordinal);
        Assert.Contains("| `correction_note` |", readme, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", System.Text.Encoding.UTF8.GetString(files["LICENCE.txt"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ReimportingTheDatasetChangesNothingAndLoadsAnEmptyArchiveWhole(string form)
    {
        var files = await DownloadAsync();
        var import = files.Where(f => f.Key.StartsWith(form + "/", StringComparison.Ordinal))
            .Select(f => new ImportFile(f.Key[(form.Length + 1)..], f.Value)).ToList();

        await using var loaded = await TestDatabase.CreateAsync();
        await using (var db = loaded.CreateContext())
            await DataFolder.LoadAsync(db, TestIndex.For(db), DataFolder.ReadFiles(RepositoryPaths.Data), Ct);
        await using (var db = loaded.CreateContext())
        {
            var problems = new ImportProblems();
            var set = ImportSet.Parse(import, problems);
            await ArchiveImport.ValidateAsync(db, set, problems, Ct);
            Assert.Empty(problems);
            var outcome = await ArchiveImport.ApplyAsync(db, TestIndex.For(db), set,
                new ImportActor("test", "test", DateTimeOffset.UtcNow), Ct);
            Assert.True(outcome.ChangesNothing, outcome.Summary);
        }

        await using var empty = await TestDatabase.CreateAsync();
        await using (var db = empty.CreateContext())
            await DataFolder.LoadAsync(db, TestIndex.For(db), import, Ct);
        Assert.Equal((11, 1, 14, 18, 3), await empty.CountsAsync());
    }
}
