using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Evidence;

/// <summary>
/// A source's text given with the tables (upload): a new source's text anchors its statements; a corrected text is a new
/// version that needs a note, anchors the stored statements again, and is refused, nothing written, when one would no longer
/// match. The texts here are synthetic or the chapter's own.
/// </summary>
public class SourceTextImportTests : MaintainerSiteTests
{
    private static readonly string ChapterPath = Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt");
    private static readonly string Chapter = File.ReadAllText(ChapterPath);

    private const string StatementsHeader = "id,source,position,speaker,kind,text\n";

    private async Task<T> WithDbAsync<T>(Func<ArchiveDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    /// <summary>data/sources.csv with the chapter's row given a correction note.</summary>
    private static byte[] ChapterSources(string? correctionNote)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources.csv"));
        // The chapter's row ends with its (empty) text_correction_note cell.
        var withNote = correctionNote is null ? lines : lines.TrimEnd('\n') + correctionNote + "\n";
        return Encoding.UTF8.GetBytes(withNote);
    }

    private static string Problems(AngleSharp.Dom.IDocument page) => page.QuerySelector(".import-problems")?.TextContent ?? "";

    [Fact]
    public async Task ACorrectedTextNeedsANoteAndIsRefusedWhenAStoredStatementWouldNoLongerMatch()
    {
        var altered = Encoding.UTF8.GetBytes(Chapter.Replace("Muslims are fighting Muslims; I didn’t", "Muslims fight Muslims; I didn’t",
            StringComparison.Ordinal));

        var noNote = await AdminSession.UploadAsync(Client, ("sources.csv", ChapterSources(null)), ("csis-2016-ch9.txt", altered));
        Assert.Contains("say why in text_correction_note", Problems(await Html.ParseAsync(noNote)), StringComparison.Ordinal);

        var lost = await AdminSession.UploadAsync(Client, ("sources.csv", ChapterSources("Test correction")),
            ("csis-2016-ch9.txt", altered));
        var problems = Problems(await Html.ParseAsync(lost));
        Assert.Contains("1 statement of csis-2016-ch9 in the archive would no longer match the new text: csis16-03", problems,
            StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.SourceTexts.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ACorrectedTextIsANewVersionAndTheStatementsAreAnchoredInIt()
    {
        var token = TestContext.Current.CancellationToken;
        var before = await WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.PublicId == "csis16-03", token));
        // The web text's split word, mended: one character less before csis16-03's words.
        var corrected = Encoding.UTF8.GetBytes(Chapter.Replace("liken ed", "likened", StringComparison.Ordinal));
        var upload = await AdminSession.UploadAsync(Client, ("sources.csv", ChapterSources("Test correction: a split word mended")),
            ("csis-2016-ch9.txt", corrected));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var applied = await AdminSession.PostFormAsync(Client, upload.Headers.Location!.OriginalString, [], tokenFrom: "/admin/import");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var texts = await WithDbAsync(db => db.SourceTexts.AsNoTracking().OrderBy(t => t.Version).ToListAsync(token));
        Assert.Equal([1, 2], texts.Select(t => t.Version));
        Assert.Equal(Chapter, texts[0].Text); // the first version is kept as it was
        Assert.Equal("Test correction: a split word mended", texts[1].CorrectionNote);
        var after = await WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.PublicId == "csis16-03", token));
        Assert.Equal(2, after.TextVersion);
        Assert.Equal(before.AnchorStart - 1, after.AnchorStart);
        Assert.Equal(18, await WithDbAsync(db => db.Statements.CountAsync(s => s.TextVersion == 2, token)));
    }

    [Fact]
    public async Task ANewSourcesTextComesWithItsTablesAndAnchorsItsStatements()
    {
        var token = TestContext.Current.CancellationToken;
        var header = File.ReadLines(Path.Combine(RepositoryPaths.Data, "sources.csv")).First();
        var row = string.Join(',', header.Split(',').Select(c => c switch
        {
            "key" => "test-texted", "title" => "Synthetic Report With a Text", "publisher" => "Test Publisher", "published" => "2020",
            "text_file" => "test-texted.txt", _ => "",
        }));
        var sources = Encoding.UTF8.GetBytes(header + "\n" + row + "\n");
        var text = Encoding.UTF8.GetBytes("Synthetic heading\n\nA synthetic fighter said “these synthetic words are the test’s”.\n");
        var good = Encoding.UTF8.GetBytes(StatementsHeader + "test-texted-1,test-texted,1,indian-fighter,quotation,"
            + "these synthetic words are the test’s\n");
        var invented = Encoding.UTF8.GetBytes(StatementsHeader + "test-texted-1,test-texted,1,indian-fighter,quotation,"
            + "these invented words are the test’s\n");

        var refused = await AdminSession.UploadAsync(Client, ("sources.csv", sources), ("test-texted.txt", text),
            ("statements.csv", invented));
        Assert.Contains("these words are not in the text of test-texted (version 1)", Problems(await Html.ParseAsync(refused)),
            StringComparison.Ordinal);

        var missing = await AdminSession.UploadAsync(Client, ("sources.csv", sources), ("statements.csv", good));
        Assert.Contains("no file named “test-texted.txt” was given with the tables", Problems(await Html.ParseAsync(missing)),
            StringComparison.Ordinal);

        var upload = await AdminSession.UploadAsync(Client, ("sources.csv", sources), ("test-texted.txt", text), ("statements.csv", good));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await AdminSession.PostFormAsync(Client, upload.Headers.Location!.OriginalString, [], tokenFrom: "/admin/import")).StatusCode);
        var statement = await WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.PublicId == "test-texted-1", token));
        Assert.Equal((1, 45, 81), (statement.TextVersion, statement.AnchorStart, statement.AnchorEnd));
        Assert.Equal("A synthetic fighter said “", statement.AnchorPrefix![^26..]);
    }
}
