using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Admin;

/// <summary>
/// Every problem of an upload in one pass: a wrong header, wrong cells and unknown references in the same upload are all listed,
/// and nothing is stored.
/// </summary>
public class OnePassProblemTests : MaintainerSiteTests
{
    private const string Header = "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,"
        + "status";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private async Task<(int Statements, int Speakers, int Imports)> CountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var token = TestContext.Current.CancellationToken;
        return (await db.Statements.CountAsync(token), await db.Speakers.CountAsync(token), await db.Imports.CountAsync(token));
    }

    private async Task<List<string>> ProblemsAsync(params (string Name, byte[] Content)[] files)
    {
        var response = await AdminSession.UploadAsync(Client, files);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        return page.QuerySelectorAll(".import-problems li").Select(li => li.TextContent).ToList();
    }

    [Fact]
    public async Task AWrongHeaderWrongCellsAndUnknownReferencesAreListedTogether()
    {
        var before = await CountsAsync();
        var problems = await ProblemsAsync(
            // A header problem: a column twice, so the file cannot be read row by row, which is said once.
            ("speakers.csv", Csv("key,name,name,description,role", "synthetic-speaker-1,,,A synthetic speaker,fighter")),
            ("statements.csv", Csv(Header,
                // A cell problem (status) in a row whose reference (reason) is unknown too.
                "synthetic-01,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words one,,no-such-reason,,,publishd",
                // An unknown reference in a row whose cells are right.
                "synthetic-02,test-untexted,102,,,indian-fighter,quotation,en,Synthetic words two,,boredom,,,published",
                "synthetic-03,no-such-source,103,,,indian-fighter,quotation,en,Synthetic words three,,boredom,,,published")));

        Assert.Contains(problems, p => p.Contains("speakers.csv, line 1, “name”", StringComparison.Ordinal)
            && p.Contains("more than once", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("speakers.csv", StringComparison.Ordinal)
            && p.Contains("rows of this file were not checked", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("statements.csv, line 2, “status”", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("statements.csv, line 2, “reasons”", StringComparison.Ordinal)
            && p.Contains("no-such-reason", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("statements.csv, line 4, “source”", StringComparison.Ordinal)
            && p.Contains("no-such-source", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("line 3", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AReferenceToARowLeftOutForItsOwnCellsIsNotCalledUnknown()
    {
        var problems = await ProblemsAsync(
            ("speakers.csv", Csv("key,name,description,role", "synthetic-speaker-1,,A synthetic speaker,fightr")),
            ("statements.csv", Csv(Header,
                "synthetic-01,test-untexted,101,,,synthetic-speaker-1,quotation,en,Synthetic words one,,boredom,,,published")));
        Assert.Contains(problems, p => p.Contains("speakers.csv, line 2, “role”", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("statements.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReferenceToATableWhoseHeaderIsWrongIsNotCalledUnknown()
    {
        var problems = await ProblemsAsync(
            ("speakers.csv", Csv("key,nam,description,role", "synthetic-speaker-1,,A synthetic speaker,fighter")),
            ("statements.csv", Csv(Header,
                "synthetic-01,test-untexted,101,,,synthetic-speaker-1,quotation,en,Synthetic words one,,boredom,,,published")));
        Assert.DoesNotContain(problems, p => p.Contains("statements.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownColumnIsListedAndTheRowsAreStillCheckedWithEveryReferenceToThem()
    {
        var before = await CountsAsync();
        var problems = await ProblemsAsync(
            // A misspelt optional column: listed, and the file's rows are read by their known columns all the same.
            ("speakers.csv", Csv("key,nme,description,role", "synthetic-speaker-1,,A synthetic speaker,fightr")),
            ("statements.csv", Csv(Header,
                "synthetic-01,test-untexted,101,,,synthetic-speaker-1,quotation,en,Synthetic words one,,boredom,,,published",
                "synthetic-02,test-untexted,102,,,no-such-speaker,quotation,en,Synthetic words two,,boredom,,,published")));

        Assert.Contains(problems, p => p.Contains("speakers.csv, line 1, “nme”", StringComparison.Ordinal)
            && p.Contains("did you mean “name”", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("rows of this file were not checked", StringComparison.Ordinal));
        // The rows were checked (a wrong role), and the statements' references too: the speaker in the file is known,
        // the other one is not.
        Assert.Contains(problems, p => p.Contains("speakers.csv, line 2, “role”", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("statements.csv, line 3, “speaker”", StringComparison.Ordinal)
            && p.Contains("no-such-speaker", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("statements.csv, line 2", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }
}
