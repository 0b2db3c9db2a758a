using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Reports;

namespace Testimonies.Tests.Reports;

/// <summary>
/// "Report a problem": a reader's form on every statement page, and the editors' queue at /admin/reports. Synthetic reports
/// on the curated statements; the reports live in the test's own database only.
/// </summary>
public class ProblemReportTests : MaintainerSiteTests
{
    private const string Statement = "csis16-03";
    private const string Form = "/s/" + Statement + "/report";
    private const string Contact = "synthetic-reader@example.org";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Report(string kind = "words", string description = "Synthetic report: a word differs.",
        string contact = Contact) => new()
        {
            [ProblemReports.KindField] = kind, [ProblemReports.DescriptionField] = description, [ProblemReports.ContactField] = contact,
            [Testimonies.Web.Pages.Reports.NewModel.HoneypotField] = "",
        };

    /// <summary>A reader's browser: no account, HTTPS (the antiforgery cookie is Secure).</summary>
    private HttpClient Reader() => AdminSession.NewClient(Factory);

    private async Task<List<ProblemReport>> StoredAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().ProblemReports.AsNoTracking().OrderBy(r => r.Id)
            .ToListAsync(Cancel);
    }

    private async Task<int> SubmitAsync(string description = "Synthetic report: a word differs.")
    {
        var response = await AdminSession.PostFormAsync(Reader(), Form, Report(description: description));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await StoredAsync()).Last().Id;
    }

    [Fact]
    public async Task EveryStatementPageLinksToItsForm()
    {
        var (_, page) = await Html.GetAsync(Reader(), "/s/" + Statement);
        Assert.NotNull(page.QuerySelector($"a[href='{Form}']"));
        var (response, form) = await Html.GetAsync(Reader(), Form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, form.QuerySelectorAll("input[type=radio][name=kind]").Length);
        Assert.NotNull(form.QuerySelector("form input[name=__RequestVerificationToken]"));
        // Never cached or stored on the way: the page holds the reader's token.
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASentReportIsQueuedOpenAndTheReaderIsToldWhatHappensNext()
    {
        var reader = Reader();
        var response = await AdminSession.PostFormAsync(reader, Form, Report(kind: "safety-or-privacy"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Form + "/sent", response.Headers.Location?.OriginalString);
        var (thanks, page) = await Html.GetAsync(reader, Form + "/sent");
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("What happens next", page.Body!.TextContent, StringComparison.Ordinal);

        var report = Assert.Single(await StoredAsync());
        Assert.Equal(ProblemKind.SafetyOrPrivacy, report.Kind);
        Assert.Equal(ProblemReportState.Open, report.State);
        Assert.Equal("Synthetic report: a word differs.", report.Description);
        Assert.Equal(Contact, report.Contact);
    }

    [Fact]
    public async Task AFilledHoneypotIsAnsweredAsIfTakenAndStoresNothing()
    {
        var fields = Report();
        fields[Testimonies.Web.Pages.Reports.NewModel.HoneypotField] = "https://spam.example";
        var response = await AdminSession.PostFormAsync(Reader(), Form, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Form + "/sent", response.Headers.Location?.OriginalString);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task OneAddressIsRefusedWith429AfterFiveReportsAndWhatItWroteIsKept()
    {
        var reader = Reader();
        for (var i = 1; i <= ReportLimits.PerWindow; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await AdminSession.PostFormAsync(reader, Form, Report(description: $"Synthetic {i}")))
                .StatusCode);
        var refused = await AdminSession.PostFormAsync(reader, Form, Report(description: "Synthetic sixth report"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("Wait", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Synthetic sixth report", page.QuerySelector("textarea[name=description]")!.TextContent);
        Assert.Equal(ReportLimits.PerWindow, (await StoredAsync()).Count);
    }

    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "", "Synthetic words.", "", "kind" },
        { "not-a-kind", "Synthetic words.", "", "kind" },
        { "words", "", "", "description" },
        { "words", "   \n  ", "", "description" },
        { "words", new string('x', ProblemReport.DescriptionMaxLength + 1), "", "description" },
        { "words", "Synthetic words.", new string('c', ProblemReport.ContactMaxLength + 1), "contact" },
        { "words", "Synthetic words.", "two\nlines", "contact" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AMissingOrOversizeFieldIs422BesideItsFieldAndNothingIsStored(string kind, string description, string contact,
        string field)
    {
        var response = await AdminSession.PostFormAsync(Reader(), Form, Report(kind, description, contact));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#{field}-problem.field-error"));
        Assert.NotNull(page.QuerySelector($"[role=alert] a[href='#{field}']"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task WithoutTheAntiforgeryTokenIs400AndNothingIsStored()
    {
        var reader = Reader();
        await Html.GetAsync(reader, Form); // the cookie, but no token in the form
        var response = await reader.PostAsync(Form, new FormUrlEncodedContent(Report()), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("/s/no-such-statement/report")]
    [InlineData("/s/no-such-statement/report/sent")]
    [InlineData("/s/csis16-05/report")]
    public async Task UnknownAndWithdrawnStatementsHaveNoFormButA404Page(string url)
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Statements.Where(s => s.PublicId == "csis16-05")
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, PublicationStatus.Withdrawn), Cancel);
        }
        var (response, page) = await Html.GetAsync(Reader(), url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        var posted = await Reader().PostAsync(url, new FormUrlEncodedContent(Report()), Cancel);
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed,
            $"POST {url}: {(int)posted.StatusCode}");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task HostileTextIsEncodedOnTheRefusedFormAndInTheQueue()
    {
        const string Hostile = "</textarea><script>alert(1)</script><img src=x onerror=alert(2)>";
        var refused = await AdminSession.PostFormAsync(Reader(), Form, Report(kind: "", description: Hostile, contact: Hostile));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form = await Html.ParseAsync(refused);
        Assert.Empty(form.QuerySelectorAll("main script, main img"));
        Assert.Equal(Hostile, form.QuerySelector("textarea[name=description]")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await AdminSession.PostFormAsync(Reader(), Form, Report(description: Hostile,
            contact: "<b>synthetic</b>"))).StatusCode);
        var id = (await StoredAsync()).Single().Id;
        foreach (var url in new[] { "/admin/reports", $"/admin/reports/{id}" })
        {
            var (_, page) = await Html.GetAsync(Client, url);
            Assert.Empty(page.QuerySelectorAll("main script, main img, main b"));
            Assert.Contains("<script>alert(1)</script>", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEditorWorksTheQueueFromOpenToDoneLinkedToTheFixingRevision()
    {
        var id = await SubmitAsync();
        var editor = await AdminSession.LoggedInAsAsync(Factory, "synthetic-editor@example.org", MaintainerRoles.Editor);
        var (_, queue) = await Html.GetAsync(editor, "/admin/reports");
        Assert.NotNull(queue.QuerySelector($"a[href='/admin/reports/{id}']"));
        var (_, report) = await Html.GetAsync(editor, $"/admin/reports/{id}");
        Assert.NotNull(report.QuerySelector($"a[href='/s/{Statement}']"));
        Assert.Contains(Contact, report.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var revisions = report.QuerySelectorAll("select[name=revision] option").Select(o => o.GetAttribute("value")!)
            .Where(v => v.Length > 0).ToList();
        Assert.NotEmpty(revisions); // data/ at start-up leaves each statement's first revision
        var url = $"/admin/reports/{id}";

        // A change of state needs a note; a revision must be this statement's.
        var noNote = await AdminSession.PostFormAsync(editor, url, await FormAsync(editor, url, new() { ["state"] = "done" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.NotNull((await Html.ParseAsync(noNote)).QuerySelector("#note-problem"));
        var otherRevision = await OtherStatementsRevisionAsync();
        var wrong = await AdminSession.PostFormAsync(editor, url, await FormAsync(editor, url,
            new() { ["state"] = "done", ["note"] = "Synthetic note.", ["revision"] = otherRevision.ToString(Invariant) }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.NotNull((await Html.ParseAsync(wrong)).QuerySelector("#revision-problem"));
        var notANumber = await AdminSession.PostFormAsync(editor, url, await FormAsync(editor, url,
            new() { ["state"] = "done", ["note"] = "Synthetic note.", ["revision"] = "latest" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notANumber.StatusCode);
        Assert.Equal(ProblemReportState.Open, (await StoredAsync()).Single().State);

        var saved = await AdminSession.PostFormAsync(editor, url, await FormAsync(editor, url,
            new() { ["state"] = "done", ["note"] = "Synthetic note: corrected against the source.", ["revision"] = revisions[0] }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await StoredAsync()).Single();
        Assert.Equal(ProblemReportState.Done, stored.State);
        Assert.Equal(int.Parse(revisions[0], Invariant), stored.FixedByRevisionId);
        Assert.Equal("synthetic-editor@example.org", stored.ChangedBy);
        var (_, open) = await Html.GetAsync(editor, "/admin/reports");
        Assert.Null(open.QuerySelector($"a[href='/admin/reports/{id}']"));
        var (_, done) = await Html.GetAsync(editor, "/admin/reports?state=done");
        Assert.NotNull(done.QuerySelector($"a[href='/admin/reports/{id}']"));
        var (unknown, _) = await Html.GetAsync(editor, "/admin/reports?state=<b>x</b>");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/reports/999999", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ACoderIsRefusedTheQueueAndAReaderIsSentToTheLogin()
    {
        var id = await SubmitAsync();
        var coder = await AdminSession.LoggedInAsAsync(Factory, "synthetic-coder@example.org", MaintainerRoles.Coder);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync("/admin/reports", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync($"/admin/reports/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Reader().GetAsync($"/admin/reports/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ASaveOverANewerOneIs409AndTheNewerOneIsKept()
    {
        var id = await SubmitAsync();
        var url = $"/admin/reports/{id}";
        var first = await FormAsync(Client, url, new() { ["state"] = "accepted", ["note"] = "Synthetic: the first editor's note." });
        var second = await FormAsync(Client, url, new() { ["state"] = "declined", ["note"] = "Synthetic: the second editor's note." });
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSession.PostFormAsync(Client, url, first)).StatusCode);
        var refused = await AdminSession.PostFormAsync(Client, url, second);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("Nothing was saved", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Synthetic: the first editor's note.", page.QuerySelector("textarea[name=note]")!.TextContent);
        var stored = (await StoredAsync()).Single();
        Assert.Equal(ProblemReportState.Accepted, stored.State);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task TheContactIsNeverOnAPublicPageOrInTheExports()
    {
        await SubmitAsync();
        foreach (var url in new[] { "/s/" + Statement, Form, Form + "/sent", "/api/v1/statements/" + Statement, "/search.json?q=fighting" })
        {
            var body = await (await Reader().GetAsync(url, Cancel)).Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain(Contact, body, StringComparison.Ordinal);
        }
        using var zip = new ZipArchive(await (await Reader().GetAsync("/dataset.zip", Cancel)).Content.ReadAsStreamAsync(Cancel));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = await reader.ReadToEndAsync(Cancel);
            Assert.DoesNotContain(Contact, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Synthetic report", text, StringComparison.Ordinal);
        }
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The report's form as the page fills it, with some fields changed (the token is added when posting).</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, Dictionary<string, string> changes)
    {
        var (_, document) = await Html.GetAsync(client, url);
        // The editor's form, not the admin bar's Log out.
        var form = document.QuerySelectorAll("main form").First(f => f.QuerySelector("[name=state]") is not null);
        var fields = Html.FormFields(form);
        foreach (var (key, value) in changes) fields[key] = value;
        return fields;
    }

    private async Task<int> OtherStatementsRevisionAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Revisions
            .Where(r => r.Statement.PublicId != Statement).Select(r => r.Id).FirstAsync(Cancel);
    }
}
