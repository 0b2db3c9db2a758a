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

    [Fact]
    public async Task NewStatementsShowTheirFactsAndFindingsCodingsAndDecisionsAreListedRowByRow()
    {
        var statements = Csv(Header,
            "synthetic-02,test-untexted,102,Synthetic section,7,indian-fighter,paraphrase,en,Synthetic reported words,,boredom,,"
            + "Synthetic content note,published");
        var findings = Csv("key,source,footnote,wording,figure,percent,percent_qualifier,dataset,dataset_size,reasons",
            "synthetic-finding-1,test-untexted,7,Synthetic finding wording,at least 3,,,Synthetic dataset,,boredom");
        var coders = Csv("key,label,notes", "synthetic-coder-9,Synthetic coder 9,");
        var codings = Csv("statement,coder,reason,confidence,codebook_version,coded_at,note,words",
            "synthetic-02,synthetic-coder-9,boredom,certain,1,2020-02-01,,");
        var decisions = Csv("statement,codebook_version,reasons,decided_at,why",
            "synthetic-02,1,boredom,2020-02-02,Synthetic reason for a decision");
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", statements), ("findings.csv", findings),
            ("coders.csv", coders), ("codings.csv", codings), ("decisions.csv", decisions));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var (_, page) = await Html.GetAsync(Client, upload.Headers.Location!.OriginalString);

        var created = page.QuerySelectorAll(".import-changes > li")
            .Single(li => li.TextContent.Contains("synthetic-02", StringComparison.Ordinal));
        var facts = created.QuerySelectorAll(".field-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("kind: paraphrase", facts);
        Assert.Contains("speaker: indian-fighter", facts);
        Assert.Contains("source: test-untexted", facts);
        Assert.Contains("section: Synthetic section", facts);
        Assert.Contains("status: published", facts);
        Assert.Contains("reasons: boredom", facts);
        Assert.Contains("content_note: Synthetic content note", facts);

        var tables = page.QuerySelectorAll(".preview-rows h3").Select(h => h.TextContent).ToList();
        Assert.Contains("findings", tables);
        Assert.Contains("codings", tables);
        Assert.Contains("decisions", tables);
        var rows = page.QuerySelector(".preview-rows")!.TextContent;
        Assert.Contains("synthetic-finding-1: new", rows, StringComparison.Ordinal);
        Assert.Contains("figure: at least 3", rows, StringComparison.Ordinal);
        Assert.Contains("synthetic-02, coded by synthetic-coder-9: new", rows, StringComparison.Ordinal);
        Assert.Contains("why: Synthetic reason for a decision", rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedFindingShowsItsFieldsBeforeAndAfter()
    {
        var header = "key,source,footnote,wording,figure,percent,percent_qualifier,dataset,dataset_size,reasons";
        var first = await AdminSession.UploadAsync(Client, ("findings.csv", Csv(header,
            "synthetic-finding-2,test-untexted,8,Synthetic finding wording,at least 3,,,Synthetic dataset,,boredom")));
        var confirmed = await AdminSession.PostFormAsync(Client, first.Headers.Location!.OriginalString, [], tokenFrom: "/admin/import");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var upload = await AdminSession.UploadAsync(Client, ("findings.csv", Csv(header,
            "synthetic-finding-2,test-untexted,8,Synthetic finding wording,just over 3,,,Synthetic dataset,,")));
        var (_, page) = await Html.GetAsync(Client, upload.Headers.Location!.OriginalString);
        var changes = page.QuerySelectorAll(".preview-rows li li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("figure: at least 3 →becomes just over 3", changes);
        Assert.Contains("reasons: boredom →becomes (empty)", changes);
    }
}
