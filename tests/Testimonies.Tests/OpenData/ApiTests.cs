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

    /// <summary>The chapter's stored text, and where a statement's words stand in it in code points, worked out here.</summary>
    private static (string Text, int Start, int End) PlaceInText(string words)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"));
        var index = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(index > 0);
        int CodePoints(int utf16) => text[..utf16].EnumerateRunes().Count();
        return (text, CodePoints(index), CodePoints(index + words.Length));
    }

    [Fact]
    public async Task AStatementCarriesItsAnchorInTheStoredTextAndHowTheWordsReachedTheSource()
    {
        using var one = await JsonAsync("/api/v1/statements/csis16-01");
        var statement = one.RootElement;
        var words = statement.GetProperty("text").GetString()!;
        var (text, start, end) = PlaceInText(words);
        var anchor = statement.GetProperty("anchor");
        Assert.Equal(1, anchor.GetProperty("text_version").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
            anchor.GetProperty("text_sha256").GetString());
        Assert.Equal(start, anchor.GetProperty("start").GetInt32());
        Assert.Equal(end, anchor.GetProperty("end").GetInt32());
        Assert.Equal(words, anchor.GetProperty("exact").GetString());
        Assert.EndsWith("some of them told the author, “", anchor.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Footnote 95", anchor.GetProperty("suffix").GetString(), StringComparison.Ordinal);
        Assert.Equal("Fighting injustice", anchor.GetProperty("section").GetString());
        Assert.Equal(1, anchor.GetProperty("paragraph_in_section").GetInt32());
        Assert.Equal(4, anchor.GetProperty("paragraph").GetInt32());
        Assert.Equal("told-to-author", statement.GetProperty("provenance").GetString());
        Assert.Equal("During an interview with British foreign fighters who were members of ISIL, some of them told the author",
            statement.GetProperty("provenance_words").GetString());
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("spoken_language").ValueKind);
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("translated").ValueKind);
        Assert.Equal("British foreign fighters who were members of ISIL",
            statement.GetProperty("speaker").GetProperty("description").GetString());
        Assert.True(statement.GetProperty("speaker").TryGetProperty("label", out _));
    }

    [Fact]
    public async Task SpeakersCarryTheArchivesLabelBesideTheSourcesWordsAndFindingsTheirQualifier()
    {
        using var speakers = await JsonAsync("/api/v1/speakers");
        var other = speakers.RootElement.EnumerateArray()
            .Single(s => s.GetProperty("key").GetString() == "fighters-not-protecting-muslims");
        Assert.Equal("Other fighters", other.GetProperty("description").GetString());
        Assert.Equal("other fighters who said the group was killing Muslims", other.GetProperty("label").GetString());

        using var findings = await JsonAsync("/api/v1/findings");
        var infighting = findings.RootElement.EnumerateArray()
            .Single(f => f.GetProperty("key").GetString() == "icsr-infighting-humanitarian");
        Assert.Equal("at least", infighting.GetProperty("percent_qualifier").GetString());
        Assert.Equal(60, infighting.GetProperty("dataset_size").GetInt32());
    }

    [Theory]
    [InlineData("told-to-author", new[] { "csis16-01", "csis16-03", "csis16-17", "csis16-18" })]
    [InlineData("sent-to-author", new[] { "csis16-02" })]
    public async Task StatementsFilterByHowTheWordsReachedTheSource(string provenance, string[] expected)
    {
        using var page = await JsonAsync($"/api/v1/statements?provenance={provenance}");
        Assert.Equal(expected,
            page.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order());
        using var notStated = await JsonAsync("/api/v1/statements?provenance=not-stated");
        Assert.Equal(13, notStated.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnUnknownProvenanceAnswers400WithTheFourValues()
    {
        var response = await site.Client.GetAsync("/api/v1/statements?provenance=overheard", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("told-to-author, sent-to-author, taken-from-elsewhere or not-stated", await response.Content.ReadAsStringAsync(Ct),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatementsCsvCarriesTheAnchorLocatorAndProvenance()
    {
        var response = await site.Client.GetAsync("/api/v1/statements.csv?provenance=sent-to-author", Ct);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync(Ct));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>()
            .Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => (string)kv.Value))
            .ToList();
        var row = Assert.Single(rows);
        Assert.Equal(Testimonies.Web.Search.StatementExportRow.Columns, row.Keys.Select(k => k.TrimStart('\uFEFF')));
        var (_, start, end) = PlaceInText(row["text"]);
        Assert.Equal("csis16-02", row["id"]);
        Assert.Equal("1", row["text_version"]);
        Assert.Equal(64, row["text_sha256"].Length);
        Assert.Equal(start.ToString(System.Globalization.CultureInfo.InvariantCulture), row["anchor_start"]);
        Assert.Equal(end.ToString(System.Globalization.CultureInfo.InvariantCulture), row["anchor_end"]);
        Assert.Equal(row["text"], row["anchor_exact"]);
        Assert.Equal("Fighting injustice", row["text_section"]);
        Assert.Equal("sent-to-author", row["provenance"]);
        Assert.Equal("foreign fighters contacted the author of this paper", row["provenance_words"]);
        Assert.Equal("", row["translated"]);
        Assert.Equal("foreign fighters", row["speaker_description"]);
        Assert.Equal("foreign fighters who asked the author to thank George Monbiot", row["speaker_label"]);
    }

    [Fact]
    public async Task TheApiPageDocumentsIt()
    {
        var (response, document) = await Html.GetAsync(site.Client, "/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/openapi.json", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
