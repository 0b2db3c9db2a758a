using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Admin;

/// <summary>A maintainer's import through the browser's forms: upload, preview, confirm; and every bad file changing nothing.</summary>
public class ImportPageTests : MaintainerSiteTests
{
    private const string Header = "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,"
        + "status";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static readonly byte[] NewStatement = Csv(Header,
        "test-import-1,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words for an import test,,boredom,,,published");

    private async Task<(int Statements, int Imports, string Text)> SnapshotAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var texts = string.Join("|",
            await db.Statements.OrderBy(s => s.Id).Select(s => s.Text + s.Status).ToListAsync(TestContext.Current.CancellationToken));
        return (await db.Statements.CountAsync(TestContext.Current.CancellationToken),
            await db.Imports.CountAsync(TestContext.Current.CancellationToken), texts);
    }

    // The token comes from the upload form: an applied import has no confirm button left to take it from.
    private async Task<HttpResponseMessage> ConfirmAsync(string previewUrl) =>
        await AdminSession.PostFormAsync(Client, previewUrl, [], tokenFrom: "/admin/import");

    [Fact]
    public async Task UploadPreviewConfirmAndTheStatementIsPublicAndSearchable()
    {
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var previewUrl = upload.Headers.Location!.OriginalString;

        // The preview writes nothing but its own record.
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.GetAsync("/s/test-import-1", TestContext.Current.CancellationToken)).StatusCode);
        var (_, preview) = await Html.GetAsync(Client, previewUrl);
        Assert.Contains("statements: 1 created, 0 updated, 0 unchanged", preview.QuerySelector(".import-summary")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("test-import-1", preview.QuerySelector(".import-changes")!.TextContent, StringComparison.Ordinal);

        var confirm = await ConfirmAsync(previewUrl);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var (_, applied) = await Html.GetAsync(Client, confirm.Headers.Location!.OriginalString);
        Assert.Contains("The import was applied", applied.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var (page, statement) = await Html.GetAsync(Client, "/s/test-import-1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Synthetic words for an import test", statement.QuerySelector(".statement-text")!.TextContent);
        var (_, search) = await Html.GetAsync(Client, "/search?q=synthetic+import");
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/s/test-import-1");

        // Recorded: who, the file, its hash, what it did.
        await using var scope = Factory.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Imports
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AdminSession.Email, "statements.csv"), (record.UploadedBy, record.FileNames));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(NewStatement)), record.Sha256);
        Assert.NotNull(record.AppliedAt);

        // Confirming twice applies nothing twice.
        Assert.Equal(HttpStatusCode.Conflict, (await ConfirmAsync(previewUrl)).StatusCode);
    }

    [Fact]
    public async Task ReimportingTheSameFileChangesNothing()
    {
        await ConfirmAsync((await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement))).Headers.Location!.OriginalString);
        var before = await SnapshotAsync();
        var again = await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement));
        var (_, preview) = await Html.GetAsync(Client, again.Headers.Location!.OriginalString);
        Assert.Contains("statements: 0 created, 0 updated, 1 unchanged", preview.QuerySelector(".import-summary")!.TextContent,
            StringComparison.Ordinal);
        await ConfirmAsync(again.Headers.Location!.OriginalString);
        Assert.Equal(before.Text, (await SnapshotAsync()).Text);
    }

    [Fact]
    public async Task APreviewShowsTheChangedWordsWordByWord()
    {
        var first = await AdminSession.UploadAsync(Client, ("statements.csv", Csv(Header,
            "test-diff-1,test-untexted,130,,,indian-fighter,quotation,en,Synthetic words; I didn’t type them twice,,,,,published")));
        Assert.Equal(HttpStatusCode.Redirect,
            (await AdminSession.PostFormAsync(Client, first.Headers.Location!.OriginalString, [], tokenFrom: "/admin/import")).StatusCode);
        var changed = Csv(Header + ",correction_note",
            "test-diff-1,test-untexted,130,,,indian-fighter,quotation,en,Synthetic words; I did not type them twice,,,,,published,"
                + "Test correction");
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", changed));
        var (_, preview) = await Html.GetAsync(Client, upload.Headers.Location!.OriginalString);
        Assert.Contains("1 updated", preview.QuerySelector(".import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("didn’t ", preview.QuerySelector(".word-diff del")!.TextContent);
        Assert.Equal("did not ", preview.QuerySelector(".word-diff ins")!.TextContent);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "statements.csv", Header + "\nbad-0001,test-untexted,101,,,indian-fighter,quotation,en,,,boredom,,,published",
            "line 2, “text”: this cell is empty but is required." },
        { "statements.csv", Header + "\nbad-0001,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words,,boredm,,,published",
            "“boredm” is not a known reason; did you mean “boredom”?" },
        { "statements.csv", Header + "\nbad-0001,no-such-source,101,,,indian-fighter,quotation,en,Synthetic words,,,,,published",
            "line 2, “source”: “no-such-source” is not a known source" },
        { "statements.csv", Header + "\nbad-0001,test-untexted,101,,,nobody,quotation,en,Synthetic words,,,,,published",
            "line 2, “speaker”: “nobody” is not a known speaker" },
        { "statements.csv", Header + "\nbad-0001,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words,,,,,published"
            + "\nbad-0001,test-untexted,102,,,indian-fighter,quotation,en,Other synthetic words,,,,,published", "line 3, “id”" },
        { "statements.csv", Header + "\nbad-0001,test-untexted,101,,,indian-fighter,quotation,en," + new string('x', 4001)
            + ",,,,,published", "line 2, “text”" },
        { "statements.csv", "id,source,position,speaker,kind,txt\nbad-0001,test-untexted,101,indian-fighter,quotation,Synthetic words",
            "“txt”" },
        { "statements.csv", Header + "\ngood-0001,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words,,,,,published"
            + "\nbad-0002,test-untexted,102,,,indian-fighter,quotation,en,Synthetic words,,,,,publishd", "line 3, “status”" },
        { "notes.docx", "hello", "only CSV (.csv) and JSON (.json) files can be imported" },
        { "notes.txt", "hello", "no source names this file in its text_file column" },
        { "statements.json", "{\"statements\": [ {\"id\": \"bad-0001\", \"source\": \"test-untexted\" ", "this is not valid JSON" },
        { "archive.json", "{\"statements\": [\n  {\"id\": \"bad-0001\", \"source\": \"test-untexted\", \"position\": 101, \"speaker\": "
            + "\"indian-fighter\", \"kind\": \"quotation\", \"text\": \"\"}\n]}", "line 2, “text”: this cell is empty but is required." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFileListsItsProblemsAndChangesNothing(string name, string content, string expected)
    {
        var before = await SnapshotAsync();
        var response = await AdminSession.UploadAsync(Client, (name, Encoding.UTF8.GetBytes(content)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent;
        Assert.Contains(expected, problems, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", problems, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task InvalidUtf8IsRefusedWithAClearMessage()
    {
        var before = await SnapshotAsync();
        var bytes = Csv(Header, "bad-0001,test-untexted,101,,,indian-fighter,quotation,en,Caf\u00e9 words,,,,,published");
        var latin1 = Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(bytes));
        var response = await AdminSession.UploadAsync(Client, ("statements.csv", latin1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not valid UTF-8", (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ABomCrlfQuotedNewlinesAndRightToLeftTextAreRead()
    {
        var csv = "\uFEFF" + Header + "\r\n" +
            "rtl-0001,test-untexted,101,,,indian-fighter,quotation,ar,هذا ليس جهاداً,,,\"A context note\r\nover two lines\",,published\r\n";
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await ConfirmAsync(upload.Headers.Location!.OriginalString);
        var (_, page) = await Html.GetAsync(Client, "/s/rtl-0001");
        var words = page.QuerySelector("blockquote.words")!;
        Assert.Equal("rtl", words.GetAttribute("dir"));
        Assert.Equal("هذا ليس جهاداً", words.QuerySelector(".statement-text")!.TextContent);
    }

    [Fact]
    public async Task AJsonFileImportsSeveralTablesAtOnce()
    {
        var json = """
            {
              "speakers": [ { "key": "test-json-speaker", "description": "a synthetic speaker for a JSON test", "role": "defector",
                              "group": false } ],
              "statements": [ { "id": "test-json-1", "source": "test-untexted", "position": 102, "speaker": "test-json-speaker",
                                "kind": "paraphrase", "text": "Synthetic reported speech from a JSON test.",
                                "reasons": ["boredom", "corruption"] } ]
            }
            """;
        var upload = await AdminSession.UploadAsync(Client, ("archive.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await ConfirmAsync(upload.Headers.Location!.OriginalString);
        var (response, page) = await Html.GetAsync(Client, "/s/test-json-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll(".reason-tags li").Length);
    }

    [Fact]
    public async Task TooManyRowsAreRefusedBeforeParsing()
    {
        var lines = new StringBuilder(Header + "\n");
        for (var i = 0; i < ImportLimits.MaxRows + 5; i++) lines.Append("x\n");
        var response = await AdminSession.UploadAsync(Client, ("statements.csv", Encoding.UTF8.GetBytes(lines.ToString())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 200,000 rows", (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondImportAtTheSameTimeIsToldToWait()
    {
        var gate = Factory.Services.GetRequiredService<ImportGate>();
        Assert.True(gate.TryEnter());
        try
        {
            var response = await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Another import is being previewed or applied",
                (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            gate.Exit();
        }
    }

    [Fact]
    public async Task APreviewMadeBeforeAnotherImportMustBeMadeAgain()
    {
        var first = (await AdminSession.UploadAsync(Client, ("statements.csv", NewStatement))).Headers.Location!.OriginalString;
        var other = Csv(Header, "test-import-2,test-untexted,102,,,indian-fighter,quotation,en,Other synthetic words,,,,,published");
        await ConfirmAsync((await AdminSession.UploadAsync(Client, ("statements.csv", other))).Headers.Location!.OriginalString);
        var stale = await ConfirmAsync(first);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("The archive changed since this preview", (await Html.ParseAsync(stale)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.GetAsync("/s/test-import-1", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AHeaderOnlyUploadIsRefusedAsHoldingNoRecords()
    {
        var before = await SnapshotAsync();
        var response = await AdminSession.UploadAsync(Client, ("statements.csv", Csv(Header)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("statements.csv: the file holds no records", (await Html.ParseAsync(response)).QuerySelector(".import-problems")!
            .TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(ImportLimits.MaxBytes + 1024 * 1024)]
    [InlineData(ImportLimits.MaxBytes + 20 * 1024 * 1024)]
    public async Task AnUploadOverTheSizeLimitGetsTheSizeMessageOnA413Page(long size)
    {
        var before = await SnapshotAsync();
        var content = new byte[size];
        Array.Fill(content, (byte)'x');
        var response = await AdminSession.UploadAsync(Client, ("statements.csv", content));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("one import takes at most 50 MB", (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TheProblemListShowsTheFirst200AndCountsTheRestByKind()
    {
        // 100,000 records of one bad cell each, one of them also missing its text.
        var json = new StringBuilder("[");
        for (var i = 0; i < 100_000; i++)
            json.Append(i == 0 ? "" : ",").Append("{\"id\":\"Bad\",\"source\":\"test-untexted\",\"position\":").Append(i + 200)
                .Append(",\"speaker\":\"indian-fighter\",\"kind\":\"quotation\",\"text\":\"").Append(i == 99_999 ? "" : "Words")
                .Append("\"}");
        var response = await AdminSession.UploadAsync(Client, ("statements.json", Encoding.UTF8.GetBytes(json.Append(']').ToString())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(html.Length < 200_000, $"the page has {html.Length:N0} characters");
        var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".import-problems")!;
        Assert.Equal(200, problems.QuerySelectorAll("ol > li").Length);
        Assert.Contains("100,001 problems", problems.TextContent, StringComparison.Ordinal);
        var more = problems.QuerySelector(".more-problems")!.TextContent;
        Assert.Contains("and 99,801 more", more, StringComparison.Ordinal);
        Assert.Contains("99,800 × “id”", more, StringComparison.Ordinal);
        Assert.Contains("1 × “text”: this cell is empty but is required", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AOneLineJsonOfAMillionBadRecordsGetsASmallPage()
    {
        var json = "{\"statements\": [" + string.Join(",", Enumerable.Repeat("{\"id\":\"X\"}", 1_000_000)) + "]}";
        var response = await AdminSession.UploadAsync(Client, ("archive.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(html.Length < 200_000, $"the page has {html.Length:N0} characters");
        Assert.Contains("one import takes at most 200,000", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statements.csv", "text/csv")]
    [InlineData("archive.json", "application/json")]
    public async Task TemplatesCanBeDownloaded(string name, string contentType)
    {
        var response = await Client.GetAsync($"/admin/import/template/{name}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }
}
