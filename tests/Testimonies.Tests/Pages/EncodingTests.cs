using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>Text with markup characters is shown as text on every page, never interpreted.</summary>
public class EncodingTests : IDisposable
{
    private const string HostileText = "Synthetic <script>alert(\"x\")</script> & <b>bold</b> \"quoted\" 'single' words";
    private const string HostileSpeaker = "a <i>synthetic</i> speaker & \"friends\"";
    private const string HostileContext = "<img src=x onerror=alert(1)> [link](javascript:alert(1)) & more";

    private readonly string _dataFolder;
    private readonly ArchiveFactory _factory;
    private readonly HttpClient _client;

    public EncodingTests() : this(TestStore.Sqlite) { }

    /// <summary>The same tests on another engine (Postgres/*OnPostgres.cs).</summary>
    protected EncodingTests(TestStore store)
    {
        var data = new TestData();
        data.Speakers[1] = $"test-speaker,,{TestData.Cell(HostileSpeaker)},Testland,fighter,no,{TestData.Cell(HostileContext)}";
        data.Statements[1] = $"test-0001,test-source,1,,1,test-speaker,quotation,en,{TestData.Cell(HostileText)},,test-reason,"
            + $"{TestData.Cell(HostileContext)},{TestData.Cell("<u>note</u>")},published";
        data.Statements.Add($"test-0003,test-source,3,,,test-speaker,quotation,ar,{TestData.Cell("هذا ليس جهاداً")},,,,,published");
        _dataFolder = data.WriteToTempFolder();
        _factory = new ArchiveFactory(_dataFolder, store);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Theory]
    [InlineData("/s/test-0001")]
    [InlineData("/statements")]
    [InlineData("/speakers/test-speaker")]
    [InlineData("/reasons/test-reason")]
    [InlineData("/sources/test-source")]
    [InlineData("/")]
    public async Task MarkupInTheDataIsEncoded(string url)
    {
        var (response, document) = await Html.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Citations print titles in <i>, and only titles: their own elements, holding text alone.
        Assert.Empty(document.QuerySelectorAll("main script, main img, main b, main u").Concat(
            document.QuerySelectorAll("main i")
                .Where(i => i.ParentElement?.ClassList.Contains("citation") != true || i.Children.Length > 0)));
        Assert.DoesNotContain(document.QuerySelectorAll("a"),
            a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitationsShowTheSpeakersMarkupAsText()
    {
        var (_, document) = await Html.GetAsync(_client, "/s/test-0001");
        var citations = document.QuerySelectorAll("section.cite p.citation").Select(c => c.TextContent).ToList();
        Assert.Contains(citations, c => c.Contains("A <i>synthetic</i> speaker & \"friends\" (as cited in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWordsReadBackExactly()
    {
        var (_, document) = await Html.GetAsync(_client, "/s/test-0001");
        Assert.Equal(HostileText, document.QuerySelector(".statement .statement-text")!.TextContent);
        Assert.Contains("<u>note</u>", document.QuerySelector(".statement .content-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("link & more", document.QuerySelector(".context")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArabicWordsAreMarkedRightToLeft()
    {
        var (_, document) = await Html.GetAsync(_client, "/s/test-0003");
        var words = document.QuerySelector(".statement blockquote.words")!;
        Assert.Equal("ar", words.GetAttribute("lang"));
        Assert.Equal("rtl", words.GetAttribute("dir"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
