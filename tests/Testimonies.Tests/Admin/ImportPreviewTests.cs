using System.Net;
using System.Security.Cryptography;
using System.Text;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Admin;

/// <summary>A preview lists every row of every table it creates or changes, field by field, and each file's own SHA-256.</summary>
public class ImportPreviewTests : MaintainerSiteTests
{
    private const string Header = "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,content_note,"
        + "status";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    [Fact]
    public async Task NewSpeakersAndSourcesAreNamedChangedFieldsShowBeforeAndAfterAndEachFileHasItsHash()
    {
        var first = await AdminSession.UploadAsync(Client, ("statements.csv", Csv(Header,
            "synthetic-01,test-untexted,101,,,indian-fighter,quotation,en,Synthetic words for a preview test,,boredom,,,published")));
        var confirmed = await AdminSession.PostFormAsync(Client, first.Headers.Location!.OriginalString, [], tokenFrom: "/admin/import");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var speakers = Csv("key,description,role", "synthetic-speaker-1,A synthetic speaker for a preview test,fighter");
        var sources = Csv("key,title,publisher,published", "synthetic-source-1,Synthetic source title,Synthetic publisher,2016");
        var statements = Csv(Header,
            "synthetic-01,test-untexted,101,,,synthetic-speaker-1,quotation,en,Synthetic words for a preview test,Synthetic 2014,"
            + "boredom,,,published");
        var upload = await AdminSession.UploadAsync(Client, ("speakers.csv", speakers), ("sources.csv", sources),
            ("statements.csv", statements));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var (_, page) = await Html.GetAsync(Client, upload.Headers.Location!.OriginalString);

        var rows = page.QuerySelector(".preview-rows")!.TextContent;
        Assert.Contains("synthetic-speaker-1: new", rows, StringComparison.Ordinal);
        Assert.Contains("description: A synthetic speaker for a preview test", rows, StringComparison.Ordinal);
        Assert.Contains("synthetic-source-1: new", rows, StringComparison.Ordinal);
        Assert.Contains("title: Synthetic source title", rows, StringComparison.Ordinal);

        var changes = page.QuerySelectorAll(".import-changes .field-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("said_when: (empty) →becomes Synthetic 2014", changes);
        Assert.Contains("speaker: indian-fighter →becomes synthetic-speaker-1", changes);

        var files = page.QuerySelectorAll(".import-files li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, files.Count);
        foreach (var (name, content) in new[] { ("speakers.csv", speakers), ("sources.csv", sources), ("statements.csv", statements) })
            Assert.Contains(files, f => f.Contains(name, StringComparison.Ordinal)
                && f.Contains(Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.Ordinal));
    }
}
