using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Codings;

/// <summary>
/// Independent double coding in the browser: coders code synthetic statements without seeing each other's codes, a
/// disagreement reaches the editor, whose decision sets the published reasons; stale and wrong forms change nothing.
/// </summary>
public class CodingFormTests : IDisposable
{
    private const string CoderA = "coder-a@example.org";
    private const string CoderB = "coder-b@example.org";
    private const string Editor = "editor@example.org";
    private const string First = "synthetic-coding-1";
    private const string Second = "synthetic-coding-2";
    private const string Words = "the promises were lies";

    private readonly ArchiveFactory _factory;
    private List<string> _reasons = [];

    public CodingFormTests() : this(TestStore.Sqlite) { }

    /// <summary>The same tests on another engine (Postgres/CodingFormTestsOnPostgres.cs).</summary>
    protected CodingFormTests(TestStore store) => _factory = new ArchiveFactory(UntextedSource.DataPath, store);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>data/'s codebook version 1 (or none), and synthetic statements in the untexted source.</summary>
    private async Task SeedAsync(bool codebook = true, int statements = 3)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var reasons = await db.Reasons.OrderBy(r => r.Position).ToListAsync(TestContext.Current.CancellationToken);
        _reasons = reasons.Select(r => r.Slug).ToList();
        // data/ records codebook version 1 (its first source's coding is coder-1's); "no codebook" is an archive before that.
        if (!codebook) db.CodebookVersions.RemoveRange(await db.CodebookVersions.ToListAsync(TestContext.Current.CancellationToken));
        var source = await db.Sources.SingleAsync(s => s.Key == UntextedSource.Key, TestContext.Current.CancellationToken);
        var speaker = await db.Speakers.OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        for (var i = 1; i <= statements; i++)
            db.Statements.Add(new Statement
            {
                PublicId = $"synthetic-coding-{i}", Source = source, Speaker = speaker, Position = 9000 + i, Kind = StatementKind.Quotation,
                Text = $"Synthetic statement {i}: I left because {Words} and my friends died 🙂 for nothing.",
            });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<T> ReadAsync<T>(Func<ArchiveDbContext, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    /// <summary>The coding form's fields as the page gives them, with the reasons chosen.</summary>
    private static async Task<Dictionary<string, string>> CodingFormAsync(HttpClient client, string id,
        params (string Slug, string Confidence, string? Note, string? Words)[] reasons)
    {
        var (response, page) = await Html.GetAsync(client, $"/admin/coding/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form.coding-form")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["opened_at"] = form.QuerySelector("input[name=opened_at]")!.GetAttribute("value")!,
        };
        foreach (var (slug, confidence, note, words) in reasons)
        {
            fields[$"reasons"] = fields.TryGetValue("reasons", out var before) ? before + "\n" + slug : slug;
            fields[$"confidence-{slug}"] = confidence;
            if (note is not null) fields[$"note-{slug}"] = note;
            if (words is not null) fields[$"words-{slug}"] = words;
        }
        return fields;
    }

    /// <summary>Posts the fields; a "reasons" value with new lines is sent as several values, as checkboxes are.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.SelectMany(f => f.Key == "reasons"
            ? f.Value.Split('\n').Select(v => new KeyValuePair<string, string>(f.Key, v))
            : [f])), TestContext.Current.CancellationToken);

    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string id,
        params (string Slug, string Confidence, string? Note, string? Words)[] reasons) =>
        await PostAsync(client, $"/admin/coding/{id}", await CodingFormAsync(client, id, reasons));

    private static async Task<string> TextAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url, TestContext.Current.CancellationToken)).Content
            .ReadAsStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task TwoCodersDisagreeTheEditorDecidesAndThePublicPageFollows()
    {
        await SeedAsync();
        var (one, two) = (_reasons[0], _reasons[1]);
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var b = await AdminSession.LoggedInAsAsync(_factory, CoderB, MaintainerRoles.Coder);
        var editor = await AdminSession.LoggedInAsAsync(_factory, Editor, MaintainerRoles.Editor);

        Assert.Contains($"/admin/coding/{First}", await TextAsync(a, "/admin/coding"), StringComparison.Ordinal);
        var saved = await CodeAsync(a, First, (one, "certain", "Note-by-coder-A", Words));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(b, First, (two, "probable", "Note-by-coder-B", null))).StatusCode);

        // The first coder's queue no longer lists it; the coder's own coding comes back pre-filled, and nobody else's.
        Assert.DoesNotContain($"/admin/coding/{First}\"", await TextAsync(a, "/admin/coding"), StringComparison.Ordinal);
        var (_, mine) = await Html.GetAsync(a, $"/admin/coding/{First}");
        Assert.True(mine.QuerySelector($"input[name=reasons][value={one}]")!.HasAttribute("checked"));
        Assert.False(mine.QuerySelector($"input[name=reasons][value={two}]")!.HasAttribute("checked"));
        Assert.Equal(Words, mine.QuerySelector($"input[name=words-{one}]")!.GetAttribute("value"));
        foreach (var url in new[] { "/admin", "/admin/coding", $"/admin/coding/{First}", $"/admin/coding/{First}/decide",
                     $"/admin/coding/{First}/history", "/admin/coding/disagreements" })
            Assert.DoesNotContain("Note-by-coder-B", await TextAsync(a, url), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/admin/coding/{First}/decide", TestContext.Current.CancellationToken))
            .StatusCode);

        // Only the reasons both gave are published meanwhile: none.
        Assert.Empty(await ReadAsync(db => db.Statements.Where(s => s.PublicId == First).SelectMany(s => s.Reasons).ToListAsync()));
        var coder = await ReadAsync(db => db.Coders.SingleAsync(c => c.MaintainerId == db.Users.Single(u => u.Email == CoderA).Id));
        Assert.Equal(("coder-2", "Coder 2"), (coder.Key, coder.Label)); // data/'s first coder is coder-1

        Assert.Contains($"/admin/coding/{First}/decide", await TextAsync(editor, "/admin/coding/disagreements"), StringComparison.Ordinal);
        var (_, decide) = await Html.GetAsync(editor, $"/admin/coding/{First}/decide");
        Assert.Contains("Note-by-coder-A", decide.QuerySelector("table.codings")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Note-by-coder-B", decide.QuerySelector("table.codings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Words, decide.QuerySelector("table.codings mark")!.TextContent);
        var form = decide.QuerySelector("form.admin-form")!;
        var decision = await PostAsync(editor, $"/admin/coding/{First}/decide", new()
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["opened_at"] = form.QuerySelector("input[name=opened_at]")!.GetAttribute("value")!,
            ["reasons"] = two,
            ["why"] = "Synthetic decision: the second reading fits the words.",
        });
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);

        var (_, statementPage) = await Html.GetAsync(AdminSession.NewClient(_factory), $"/s/{First}");
        Assert.Equal([$"/reasons/{two}"], statementPage.QuerySelectorAll(".reason-tags a").Select(l => l.GetAttribute("href")!));
        Assert.DoesNotContain($"/admin/coding/{First}/decide", await TextAsync(editor, "/admin/coding/disagreements"),
            StringComparison.Ordinal);
        // The page's own text: the admin navigation names the signed-in account, the history must not.
        var historyPage = (await Html.GetAsync(editor, $"/admin/coding/{First}/history")).Document;
        historyPage.QuerySelector("nav.admin-nav")?.Remove();
        var history = historyPage.DocumentElement.OuterHtml;
        Assert.Contains("Coder 2 coded it", history, StringComparison.Ordinal);
        Assert.Contains("Coder 3 coded it", history, StringComparison.Ordinal);
        Assert.Contains("an editor decided", history, StringComparison.Ordinal);
        Assert.Contains("the second reading fits the words", history, StringComparison.Ordinal);
        Assert.DoesNotContain(Editor, history, StringComparison.Ordinal);
        Assert.DoesNotContain(CoderA, history, StringComparison.Ordinal);

        // Coding again reopens the decision and keeps the replaced rows in the history.
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(a, First, (one, "probable", null, null))).StatusCode);
        Assert.Contains($"/admin/coding/{First}/decide", await TextAsync(editor, "/admin/coding/disagreements"), StringComparison.Ordinal);
        Assert.Contains("replaced", await TextAsync(editor, $"/admin/coding/{First}/history"), StringComparison.Ordinal);
        var stored = await ReadAsync(db => db.Codings.Where(c => c.Statement.PublicId == First).ToListAsync());
        Assert.Equal(3, stored.Count);
        var span = stored.Single(c => c.SpanStart is not null);
        Assert.Equal("Synthetic statement 1: I left because ".Length, span.SpanStart);
        Assert.Equal(span.SpanStart + Words.Length, span.SpanEnd);
    }

    [Fact]
    public async Task TheSpanIsCountedInCodePoints()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(a, First, (_reasons[0], "certain", null, "🙂 for nothing"))).StatusCode);
        var coding = await ReadAsync(db => db.Codings.SingleAsync(c => c.Origin == "coding form"));
        var text = $"Synthetic statement 1: I left because {Words} and my friends died ";
        Assert.Equal(text.Length, coding.SpanStart); // no surrogate pair before the span
        Assert.Equal(text.Length + "🙂 for nothing".Length - 1, coding.SpanEnd); // the emoji is one code point, two UTF-16 units
    }

    [Fact]
    public async Task CodersWhoAgreeNeedNoDecision()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var b = await AdminSession.LoggedInAsAsync(_factory, CoderB, MaintainerRoles.Coder);
        var editor = await AdminSession.LoggedInAsAsync(_factory, Editor, MaintainerRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(a, Second, (_reasons[2], "certain", null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(b, Second, (_reasons[2], "probable", null, null))).StatusCode);
        Assert.DoesNotContain($"/admin/coding/{Second}/decide", await TextAsync(editor, "/admin/coding/disagreements"),
            StringComparison.Ordinal);
        Assert.Equal([_reasons[2]], await ReadAsync(db => db.Statements.Where(s => s.PublicId == Second)
            .SelectMany(s => s.Reasons).Select(r => r.Slug).ToListAsync()));
        Assert.Contains("There is nothing to decide", await TextAsync(editor, $"/admin/coding/{Second}/decide"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewCodebookVersionLeavesWhatACoderCodedOutOfTheQueueButListsItToCodeAgain()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(a, First, (_reasons[0], "certain", null, null))).StatusCode);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var codes = await db.Reasons.Select(r => r).ToListAsync(TestContext.Current.CancellationToken);
            db.CodebookVersions.Add(new CodebookVersion
            {
                Number = 2, Dated = new DateOnly(2026, 12, 1), ChangeNote = "Synthetic second version.",
                CodesJson = CodebookCode.Serialize(codes.Select(CodebookCode.Of)), RecordedAt = ArchiveFactory.Today, RecordedBy = "test",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var queue = await TextAsync(a, "/admin/coding");
        Assert.DoesNotContain($"/admin/coding/{First}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"/admin/coding/{Second}", queue, StringComparison.Ordinal);
        Assert.Contains("You coded 1 statement under an earlier codebook version", queue, StringComparison.Ordinal);
        var earlier = await TextAsync(a, "/admin/coding?earlier=1");
        Assert.Contains($"/admin/coding/{First}", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/coding/{Second}", earlier, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/admin/coding?earlier=yes", TestContext.Current.CancellationToken))
            .StatusCode);
    }

    [Fact]
    public async Task AStaleCodingFormOrDecisionIsRefusedWith409AndNothingIsWritten()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var b = await AdminSession.LoggedInAsAsync(_factory, CoderB, MaintainerRoles.Coder);
        var editor = await AdminSession.LoggedInAsAsync(_factory, Editor, MaintainerRoles.Editor);
        var old = await CodingFormAsync(a, First, (_reasons[0], "certain", null, null));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a, $"/admin/coding/{First}", new(old))).StatusCode);
        var stale = await PostAsync(a, $"/admin/coding/{First}", old);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("since this form was opened", (await Html.ParseAsync(stale)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(1, await ReadAsync(db => db.Codings.CountAsync(c => c.Origin == "coding form")));

        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(b, First, (_reasons[1], "certain", null, null))).StatusCode);
        var (_, decide) = await Html.GetAsync(editor, $"/admin/coding/{First}/decide");
        var form = decide.QuerySelector("form.admin-form")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["opened_at"] = form.QuerySelector("input[name=opened_at]")!.GetAttribute("value")!,
            ["reasons"] = _reasons[0], ["why"] = "Synthetic decision.",
        };
        var recoded = await CodeAsync(b, First, (_reasons[0], "certain", null, null), (_reasons[1], "probable", null, null));
        Assert.Equal(HttpStatusCode.Redirect, recoded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(editor, $"/admin/coding/{First}/decide", fields)).StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.CodingDecisions.CountAsync()));
    }

    public static TheoryData<string, string> BadCodings() => new()
    {
        { "unknown-reason", "is not a reason of codebook version 1" },
        { "nothing", "Nothing was chosen" },
        { "none-and-reason", "together with reasons" },
        { "no-confidence", "Say how sure you are" },
        { "words-elsewhere", "must be copied exactly from the statement" },
        { "long-note", "the limit is 4,000" },
    };

    [Theory]
    [MemberData(nameof(BadCodings))]
    public async Task AWrongCodingIsRefusedWithALocatedMessageAndNothingIsWritten(string wrong, string message)
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var reason = _reasons[0];
        var fields = wrong switch
        {
            "nothing" => await CodingFormAsync(a, First),
            "no-confidence" => await CodingFormAsync(a, First, (reason, "", null, null)),
            "words-elsewhere" => await CodingFormAsync(a, First, (reason, "certain", null, "words that are not there")),
            "long-note" => await CodingFormAsync(a, First, (reason, "certain", new string('n', 4001), null)),
            _ => await CodingFormAsync(a, First, (reason, "certain", null, null)),
        };
        if (wrong == "unknown-reason") fields["reasons"] += "\n<b>no-such-reason</b>";
        if (wrong == "none-and-reason") fields["none"] = "yes";
        var response = await PostAsync(a, $"/admin/coding/{First}", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        if (wrong is "no-confidence" or "words-elsewhere" or "long-note")
            Assert.Contains(message, page.QuerySelector($"#reason-{reason}-problem")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>no-such-reason</b>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(db => db.Codings.CountAsync(c => c.Origin == "coding form")));
        Assert.Equal(0, await ReadAsync(db => db.Coders.CountAsync(c => c.MaintainerId != null)));
    }

    [Fact]
    public async Task AStatementThatDoesNotExistIs404AndAMissingDecisionReasonIs422()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var fields = await CodingFormAsync(a, First, (_reasons[0], "certain", null, null));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(a, "/admin/coding/no-such-statement", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/admin/coding/no-such-statement", TestContext.Current.CancellationToken))
            .StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.Codings.CountAsync(c => c.Origin == "coding form")));

        var b = await AdminSession.LoggedInAsAsync(_factory, CoderB, MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a, $"/admin/coding/{First}", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(b, First, (_reasons[1], "certain", null, null))).StatusCode);
        var editor = await AdminSession.LoggedInAsAsync(_factory, Editor, MaintainerRoles.Editor);
        var (_, decide) = await Html.GetAsync(editor, $"/admin/coding/{First}/decide");
        var form = decide.QuerySelector("form.admin-form")!;
        var response = await PostAsync(editor, $"/admin/coding/{First}/decide", new()
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["opened_at"] = form.QuerySelector("input[name=opened_at]")!.GetAttribute("value")!,
            ["reasons"] = _reasons[0],
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("required", (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(db => db.CodingDecisions.CountAsync()));
    }

    [Fact]
    public async Task WithoutACodebookVersionTheQueueAndTheFormSaySo()
    {
        await SeedAsync(codebook: false);
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        Assert.Contains("no codebook version yet", await TextAsync(a, "/admin/coding"), StringComparison.Ordinal);
        var token = await AdminSession.TokenAsync(a, "/admin");
        var response = await PostAsync(a, $"/admin/coding/{First}", new()
        {
            ["__RequestVerificationToken"] = token, ["opened_at"] = "0", ["reasons"] = _reasons[0],
            [$"confidence-{_reasons[0]}"] = "certain",
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no codebook version yet", (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(db => db.Codings.CountAsync(c => c.Origin == "coding form")));
    }

    [Fact]
    public async Task TwoCodersSavingDifferentStatementsAtOnceBothSucceed()
    {
        await SeedAsync();
        var a = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        var b = await AdminSession.LoggedInAsAsync(_factory, CoderB, MaintainerRoles.Coder);
        var first = await CodingFormAsync(a, First, (_reasons[0], "certain", null, null));
        var second = await CodingFormAsync(b, Second, (_reasons[1], "certain", null, null));
        var saves = await Task.WhenAll(PostAsync(a, $"/admin/coding/{First}", first), PostAsync(b, $"/admin/coding/{Second}", second));
        Assert.All(saves, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.Equal(2, await ReadAsync(db => db.Codings.CountAsync(c => c.Origin == "coding form")));
        Assert.Equal(["coder-1", "coder-2", "coder-3"],
            await ReadAsync(db => db.Coders.OrderBy(c => c.Key).Select(c => c.Key).ToListAsync()));
    }

    [Fact]
    public async Task AnAdministratorChangesARoleButNeverRemovesTheLastAdministrator()
    {
        await SeedAsync(statements: 0);
        var admin = await AdminSession.LoggedInAsAsync(_factory, "admin@example.org", MaintainerRoles.Administrator);
        var coder = await AdminSession.LoggedInAsAsync(_factory, CoderA, MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync("/admin/coding/disagreements", TestContext.Current.CancellationToken))
            .StatusCode);

        async Task<HttpResponseMessage> ChangeAsync(string email, string role, Func<string, string>? stamp = null)
        {
            var (_, page) = await Html.GetAsync(admin, "/admin/accounts");
            var form = page.QuerySelectorAll("form")
                .Single(f => f.QuerySelector("label")?.TextContent.EndsWith(email, StringComparison.Ordinal) == true);
            var given = form.QuerySelector("input[name=stamp]")!.GetAttribute("value")!;
            return await PostAsync(admin, "/admin/accounts", new()
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["id"] = form.QuerySelector("input[name=id]")!.GetAttribute("value")!,
                ["stamp"] = stamp?.Invoke(given) ?? given,
                ["role"] = role,
            });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(CoderA, MaintainerRoles.Editor)).StatusCode);
        // The open session holds the new role from its next request.
        Assert.Equal(HttpStatusCode.OK, (await coder.GetAsync("/admin/coding/disagreements", TestContext.Current.CancellationToken))
            .StatusCode);
        var last = await ChangeAsync("admin@example.org", MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("only administrator", (await Html.ParseAsync(last)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ChangeAsync(CoderA, "superuser")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ChangeAsync(CoderA, MaintainerRoles.Coder, _ => "an old stamp")).StatusCode);
        var (_, accounts) = await Html.GetAsync(admin, "/admin/accounts");
        Assert.Contains("editor", accounts.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(CoderA, StringComparison.Ordinal))
            .QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts", TestContext.Current.CancellationToken)).StatusCode);
    }
}
