using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>Reason, speaker and source pages page through their statements once there are many (generated data).</summary>
public class ListPagingTests : IDisposable
{
    private const int Count = 45;
    private readonly string _dataFolder;
    private readonly ArchiveFactory _factory;
    private readonly HttpClient _client;

    public ListPagingTests() : this(TestStore.Sqlite) { }

    /// <summary>The same tests on another engine (Postgres/*OnPostgres.cs).</summary>
    protected ListPagingTests(TestStore store)
    {
        var data = new TestData();
        data.Statements.RemoveRange(1, data.Statements.Count - 1);
        for (var i = 1; i <= Count; i++)
            data.Statements.Add($"gen-{i:D3},test-source,{i},,,test-speaker,quotation,en,Synthetic words {i},,test-reason,,,published");
        _dataFolder = data.WriteToTempFolder();
        _factory = new ArchiveFactory(_dataFolder, store);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    private static List<string> Ids(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll(".statement-card .permalink a").Select(a => a.GetAttribute("href")!).ToList();

    [Theory]
    [InlineData("/reasons/test-reason", 20)]
    [InlineData("/speakers/test-speaker", 20)]
    [InlineData("/sources/test-source", 50)]
    [InlineData("/statements", 20)]
    public async Task ListsShowOnePageAndLinkToTheNext(string path, int pageSize)
    {
        var (response, document) = await Html.GetAsync(_client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = Ids(document);
        Assert.Equal(Math.Min(pageSize, Count), first.Count);
        Assert.Equal("/s/gen-001", first[0]);
        if (pageSize < Count)
        {
            Assert.Equal($"{path}?page=2", document.QuerySelector(".pagination a[rel=next]")?.GetAttribute("href"));
            var (_, second) = await Html.GetAsync(_client, $"{path}?page=2");
            Assert.Equal($"/s/gen-{pageSize + 1:D3}", Ids(second)[0]);
        }
    }

    [Fact]
    public async Task TheReasonPageCountsEveryStatementNotJustThePage()
    {
        var (_, document) = await Html.GetAsync(_client, "/reasons/test-reason");
        Assert.Equal("45", document.QuerySelector(".archive-count .number")!.TextContent);
    }

    [Theory]
    [InlineData("/reasons/test-reason?page=abc", HttpStatusCode.BadRequest, "is not a page number")]
    [InlineData("/speakers/test-speaker?page=%3Cb%3E", HttpStatusCode.BadRequest, "“<b>” is not a page number")]
    [InlineData("/sources/test-source?page=2", HttpStatusCode.NotFound, "There is no page 2")]
    [InlineData("/reasons/test-reason?page=0", HttpStatusCode.NotFound, "There is no page 0")]
    public async Task ABadPageIsExplained(string url, HttpStatusCode status, string message)
    {
        var (response, document) = await Html.GetAsync(_client, url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".notice b"));
    }

    [Fact]
    public async Task TheHomePageIgnoresAPageParameter()
    {
        var (response, document) = await Html.GetAsync(_client, "/?page=7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(document.QuerySelectorAll(".statement-card"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
