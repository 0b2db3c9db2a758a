using System.Net;
using System.Text.Json;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.OpenData;

/// <summary>The read-only API: answers that match its OpenAPI document, filters, bad parameters, ETags and CORS.</summary>
public class ApiTests(SiteFixture site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonDocument> JsonAsync(string url)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The property names of a schema in the OpenAPI document, following a $ref.</summary>
    private static HashSet<string> SchemaProperties(JsonElement openApi, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
    }

    private static JsonElement ResponseSchema(JsonElement openApi, string path) =>
        openApi.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    [Fact]
    public async Task EveryAnswerHasTheShapeTheOpenApiDocumentGives()
    {
        using var document = await JsonAsync("/api/v1/openapi.json");
        var openApi = document.RootElement;
        Assert.All(openApi.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name, StringComparison.Ordinal));

        using var page = await JsonAsync("/api/v1/statements");
        Assert.Equal(SchemaProperties(openApi, ResponseSchema(openApi, "/api/v1/statements")),
            page.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
        using var one = await JsonAsync("/api/v1/statements/csis16-04");
        var statementSchema = ResponseSchema(openApi, "/api/v1/statements/{id}");
        Assert.Equal(SchemaProperties(openApi, statementSchema), one.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
        var speakerRef = openApi.GetProperty("components").GetProperty("schemas").GetProperty("SpeakerRef");
        Assert.Equal(SchemaProperties(openApi, speakerRef),
            one.RootElement.GetProperty("speaker").EnumerateObject().Select(p => p.Name).ToHashSet());

        foreach (var list in new[] { "/api/v1/reasons", "/api/v1/speakers", "/api/v1/sources", "/api/v1/findings" })
        {
            using var items = await JsonAsync(list);
            var itemSchema = ResponseSchema(openApi, list).GetProperty("items");
            Assert.Equal(SchemaProperties(openApi, itemSchema), items.RootElement[0].EnumerateObject().Select(p => p.Name).ToHashSet());
        }
    }

    [Fact]
    public async Task StatementsFilterAndPageAsTheDataFilesSay()
    {
        var statements = DataFolderTests.ReadCsv("statements.csv");
        using var all = await JsonAsync("/api/v1/statements?page_size=5");
        Assert.Equal(statements.Count, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(5, all.RootElement.GetProperty("statements").GetArrayLength());
        Assert.EndsWith("/api/v1/statements?page_size=5&page=2", all.RootElement.GetProperty("next").GetString(), StringComparison.Ordinal);

        using var racism = await JsonAsync("/api/v1/statements?reason=racism-and-discrimination");
        var expected = statements.Where(s => s["reasons"].Split(';').Contains("racism-and-discrimination"))
            .Select(s => s["id"]).Order().ToList();
        Assert.Equal(expected,
            racism.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order().ToList());

        using var speaker = await JsonAsync("/api/v1/statements?speaker=abu-ibrahim");
        Assert.Equal(["csis16-04"],
            speaker.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/statements?reason=infightin", "did you mean “infighting”?")]
    [InlineData("/api/v1/statements?kind=quote", "quotation or paraphrase")]
    [InlineData("/api/v1/statements?theme=nope", "is not a theme")]
    [InlineData("/api/v1/statements?page=0", "page must be")]
    [InlineData("/api/v1/statements?page_size=100000", "page_size must be")]
    [InlineData("/api/v1/statements?colour=red", "“colour” is not a parameter")]
    [InlineData("/api/v1/statements?reason=%3Cscript%3E", "is not a reason")]
    public async Task ABadParameterAnswers400SayingWhatToChange(string url, string message)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownStatementIs404()
    {
        var response = await site.Client.GetAsync("/api/v1/statements/no-such-statement", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnchangedAnswerIsA304ForItsETag()
    {
        var first = await site.Client.GetAsync("/api/v1/reasons", Ct);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reasons");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(again, Ct)).StatusCode);
        var other = await site.Client.GetAsync("/api/v1/speakers", Ct);
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task AnyWebPageMayReadTheApi()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statements");
        request.Headers.Add("Origin", "https://teacher.example");
        var response = await site.Client.SendAsync(request, Ct);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/statements");
        preflight.Headers.Add("Origin", "https://teacher.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var refused = await site.Client.SendAsync(preflight, Ct);
        Assert.False(refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods)
            && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ACachedAnswerStillCarriesTheCorsHeaderForAnotherSite()
    {
        // The output cache keeps answers per address; the CORS header must not depend on who asked first.
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/api/v1/sources?cache-order=1", Ct)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sources?cache-order=1");
        request.Headers.Add("Origin", "https://teacher.example");
        var response = await site.Client.SendAsync(request, Ct);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task TheStatementsCsvHasTheSameStatements()
    {
        var response = await site.Client.GetAsync("/api/v1/statements.csv?reason=boredom", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = await JsonAsync("/api/v1/statements?reason=boredom");
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), lines.Length - 1);
    }

    [Theory]
    [InlineData("/statements", "")]
    [InlineData("/reasons/boredom", "?reason=boredom")]
    [InlineData("/speakers/abu-ibrahim", "?speaker=abu-ibrahim")]
    [InlineData("/sources/csis-2016-ch9", "?source=csis-2016-ch9")]
    public async Task EveryListOfStatementsLinksItsData(string page, string query)
    {
        var (_, document) = await Html.GetAsync(site.Client, page);
        Assert.Equal([$"/api/v1/statements{query}", $"/api/v1/statements.csv{query}"],
            document.QuerySelectorAll("link[rel=alternate]:not([type='application/atom+xml'])").Select(l => l.GetAttribute("href")));
        Assert.Contains(document.QuerySelectorAll(".data-links a"), a => a.GetAttribute("href") == $"/api/v1/statements.csv{query}");
        foreach (var href in new[] { $"/api/v1/statements{query}", $"/api/v1/statements.csv{query}" })
            Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync(href, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheApiPageDocumentsIt()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/openapi.json", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
