using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
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
        // The tables of one form, with the sources' texts that their text_file names.
        var import = files.Where(f => f.Key.StartsWith(form + "/", StringComparison.Ordinal))
            .Select(f => new ImportFile(f.Key[(form.Length + 1)..], f.Value))
            .Concat(files.Where(f => f.Key.StartsWith("sources/", StringComparison.Ordinal)).Select(f => new ImportFile(f.Key, f.Value)))
            .ToList();

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

        // The text, its SHA-256 and every statement's anchor and provenance come back as they were.
        await using var original = loaded.CreateContext();
        await using var copy = empty.CreateContext();
        var text = await copy.SourceTexts.SingleAsync(Ct);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"), Ct), text.Text);
        Assert.Equal((await original.SourceTexts.SingleAsync(Ct)).Sha256, text.Sha256);
        Assert.Equal(await original.SourceTexts.Select(t => t.Headings).SingleAsync(Ct), text.Headings);
        Assert.Equal(await original.SourceTexts.Select(t => t.EndsBefore).SingleAsync(Ct), text.EndsBefore);
        static IQueryable<string> Anchors(Testimonies.Web.Archive.ArchiveDbContext db) => db.Statements.OrderBy(s => s.PublicId)
            .Select(s => s.PublicId + " " + s.TextVersion + " " + s.AnchorStart + "-" + s.AnchorEnd + " " + s.AnchorPrefix + "|"
                + s.AnchorSuffix + " " + s.Provenance + " " + s.ProvenanceWords + " " + s.SpokenLanguage + " " + s.Translated);
        var anchors = await Anchors(copy).ToListAsync(Ct);
        Assert.Equal(await Anchors(original).ToListAsync(Ct), anchors);
        Assert.Equal(18, await copy.Statements.CountAsync(s => s.AnchorStart != null, Ct));
        Assert.Equal(await original.Speakers.OrderBy(s => s.Key).Select(s => s.Label).ToListAsync(Ct),
            await copy.Speakers.OrderBy(s => s.Key).Select(s => s.Label).ToListAsync(Ct));
        Assert.Equal(await original.Findings.OrderBy(f => f.Key).Select(f => f.PercentQualifier).ToListAsync(Ct),
            await copy.Findings.OrderBy(f => f.Key).Select(f => f.PercentQualifier).ToListAsync(Ct));
    }

    [Fact]
    public async Task TheZipHoldsTheSourcesTextsExactlyAsStoredAndEveryImportColumn()
    {
        var files = await DownloadAsync();
        var stored = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"), Ct);
        Assert.Equal(stored, files["sources/csis-2016-ch9.txt"]);
        foreach (var spec in DataFormat.All)
        {
            var header = System.Text.Encoding.UTF8.GetString(files[$"csv/{spec.FileName}"]).Split('\n')[0];
            Assert.Equal(string.Join(',', spec.Columns.Select(c => c.Name)), header);
        }
        var sources = System.Text.Encoding.UTF8.GetString(files["csv/sources.csv"]);
        Assert.Contains("sources/csis-2016-ch9.txt", sources, StringComparison.Ordinal);
        var statements = System.Text.Encoding.UTF8.GetString(files["csv/statements.csv"]);
        Assert.Contains("told-to-author", statements, StringComparison.Ordinal);
        Assert.Contains("sent-to-author", statements, StringComparison.Ordinal);
        var findings = System.Text.Encoding.UTF8.GetString(files["csv/findings.csv"]);
        Assert.Contains("at least", findings, StringComparison.Ordinal);
    }
}
