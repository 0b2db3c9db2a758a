using System.Net;
using System.Text;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Admin;

/// <summary>The maintainers' pages guide: templates with an example row and rules, the data format as a page, a navigation bar.</summary>
public class MaintainerGuideTests : MaintainerSiteTests
{
    [Fact]
    public async Task EachTemplateIsTheHeaderAndOneExampleRowWhoseCellsFollowTheRules()
    {
        foreach (var table in DataFormat.All)
        {
            var response = await Client.GetAsync($"/admin/import/template/{table.FileName}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var problems = new ImportProblems();
            var records = CsvTable.Read(bytes, table.FileName, table, problems);
            Assert.Empty(problems);
            var record = Assert.Single(records!);
            Assert.Contains(record.Values.Values, v => v is not null && (v.StartsWith("Example", StringComparison.Ordinal)
                || v.StartsWith(DataTemplate.ExamplePrefix, StringComparison.Ordinal)));
            // Parsed by the import's rules, the only problem is that it is the example.
            ImportSet.Parse([new ImportFile(table.FileName, bytes)], problems);
            Assert.All(problems, p => Assert.Contains("the template's example row", p.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheStatementTemplatesExampleIdIsAStatementId()
    {
        var csv = await Client.GetStringAsync("/admin/import/template/statements.csv", TestContext.Current.CancellationToken);
        Assert.StartsWith("example-01,example-source,1,", csv.Split('\n')[1], StringComparison.Ordinal);
        var problems = new ImportProblems();
        ImportSet.Parse([new ImportFile("statements.csv", Encoding.UTF8.GetBytes(csv.Replace("example-01", "Bad Id",
            StringComparison.Ordinal)))], problems);
        Assert.Contains(problems, p => p.Field == "id" && p.Message.Contains("“csis16-01”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheJsonTemplateHoldsOneExampleRecordOfEachTable()
    {
        var bytes = await Client.GetByteArrayAsync("/admin/import/template/archive.json", TestContext.Current.CancellationToken);
        var problems = new ImportProblems();
        var set = ImportSet.Parse([new ImportFile("archive.json", bytes)], problems);
        Assert.Equal(DataFormat.All.Count, set.RowCount + problems.Count(p => p.Message.Contains("example row", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ATemplateUploadedUnchangedIsRefusedAsTheExample()
    {
        var csv = await Client.GetByteArrayAsync("/admin/import/template/speakers.csv", TestContext.Current.CancellationToken);
        var response = await AdminSession.UploadAsync(Client, ("speakers.csv", csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await Html.ParseAsync(response)).QuerySelector(".import-problems")!.TextContent;
        Assert.Contains("speakers.csv, line 2, “key”: “example-speaker” is the template's example row", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryColumnsRulesComeFromTheDataFormatDocument()
    {
        // The rules shown with the templates are read from docs/data-format.md, the one statement of them.
        foreach (var table in DataFormat.All)
            foreach (var column in table.Columns)
                Assert.False(string.IsNullOrWhiteSpace(DataFormatDocument.RuleOf(table, column.Name)), $"{table.FileName} {column.Name}");
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "data-format.md")), DataFormatDocument.Markdown);
    }

    [Fact]
    public async Task TheTemplatesPageGivesEachColumnsExampleAndRules()
    {
        var (response, page) = await Html.GetAsync(Client, "/admin/import/templates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("#table-statements ~ div tr, section[aria-labelledby=table-statements] tr")
            .First(tr => tr.QuerySelector("th code")?.TextContent == "id");
        Assert.Contains("example-01", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Never changed once published", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDataFormatIsAPageOfTheSiteLinkedFromTheImportPage()
    {
        var (_, import) = await Html.GetAsync(Client, "/admin/import");
        Assert.Contains(import.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/admin/data-format");
        Assert.DoesNotContain("docs/data-format.md", import.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (response, page) = await Html.GetAsync(Client, "/admin/data-format");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Data format", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".data-format table td code"), c => c.TextContent == "said_when");
        Assert.DoesNotContain("| --- |", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main script"));
    }

    [Fact]
    public async Task TheDataFormatPageIsForMaintainersOnly()
    {
        using var anonymous = AdminSession.NewClient(Factory);
        var response = await anonymous.GetAsync("/admin/data-format", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheAdminAreaHasANavigationBarByRoleWithTheAddressAndLogOut()
    {
        var (_, page) = await Html.GetAsync(Client, "/admin/import");
        var nav = page.QuerySelector("nav[aria-label=Maintainers]")!;
        Assert.Equal(["Overview", "Imports", "Records", "Problem reports", "Curated sets", "Coding", "Accounts"],
            nav.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Equal("page", nav.QuerySelector("a[href='/admin/import']")!.GetAttribute("aria-current"));
        Assert.Contains(AdminSession.Email, nav.TextContent, StringComparison.Ordinal);
        var form = nav.QuerySelector("form")!;
        Assert.Equal(("post", "/admin/logout"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var response = await AdminSession.PostFormAsync(Client, "/admin/logout", [], tokenFrom: "/admin/import");
        Assert.Equal("/admin/login?loggedOut=1", response.Headers.Location!.OriginalString);

        using var coder = await AdminSession.LoggedInAsAsync(Factory, "coder@example.org", MaintainerRoles.Coder);
        var (_, coding) = await Html.GetAsync(coder, "/admin");
        Assert.Equal(["Overview", "Coding"], coding.QuerySelectorAll("nav[aria-label=Maintainers] a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task TheLoginPageHasNoNavigationBar()
    {
        using var anonymous = AdminSession.NewClient(Factory);
        var (_, page) = await Html.GetAsync(anonymous, "/admin/login");
        Assert.Null(page.QuerySelector("nav[aria-label=Maintainers]"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/css/admin']"));
    }
}
