using System.Net;
using System.Text.Json;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Search;

namespace Testimonies.Tests.OpenData;

/// <summary>
/// The statement exports (/search.csv, /search.json, /api/v1/statements.csv) as issue #16 found them: one file name for
/// every search of a day, the description repeated as the speaker's name, reasons as slugs only, no context or citation,
/// and role a label in the export but a key in the API.
/// </summary>
public class StatementExportTests(SiteFixture site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Day = ArchiveFactory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync(Ct));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>()
            .Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key.TrimStart('\uFEFF'), kv => (string)kv.Value))
            .ToList();
    }

    private async Task<string?> FileNameAsync(string url)
    {
        var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
    }

    [Theory]
    [InlineData("/search.csv?q=fighting&kind=quotation", "testimonies-search-fighting-kind-quotation-{day}.csv")]
    [InlineData("/search.json?q=fighting&kind=quotation", "testimonies-search-fighting-kind-quotation-{day}.json")]
    [InlineData("/search.csv?q=jihad", "testimonies-search-jihad-{day}.csv")]
    [InlineData("/search.csv", "testimonies-search-all-{day}.csv")]
    [InlineData("/search.bib?q=%22Muslims+fighting%22", "testimonies-search-muslims-fighting-{day}.bib")]
    [InlineData("/search.ris?q=muslims&reason=infighting", "testimonies-search-muslims-reason-infighting-{day}.ris")]
    [InlineData("/search.csl.json?q=muslims", "testimonies-search-muslims-{day}.csl.json")]
    [InlineData("/search.qdpx?q=muslims", "testimonies-search-muslims-{day}.qdpx")]
    public async Task EverySearchExportIsNamedAfterItsSearch(string url, string name)
    {
        Assert.Equal(name.Replace("{day}", Day, StringComparison.Ordinal), await FileNameAsync(url));
    }

    [Fact]
    public async Task AFileNameHoldsSafeCharactersOnlyAndIsBounded()
    {
        var words = Uri.EscapeDataString("Ğazza/../\"évasion\" <script>\r\n *" + new string('x', 300) + " end");
        var name = await FileNameAsync($"/search.csv?q={words}");
        Assert.Equal($"testimonies-search-gazza-evasion-script-{Day}.csv", name); // the 300 x's would pass the bound: cut there
        Assert.Equal($"testimonies-search-{Day}.csv", await FileNameAsync("/search.csv?q=%D8%AC%D9%87%D8%A7%D8%AF"));
        var repeated = await FileNameAsync($"/search.csv?q={string.Join('+', Enumerable.Repeat("muslims", 30))}");
        Assert.Matches("^testimonies-search-(muslims-)+[0-9-]+\\.csv$", repeated);
        Assert.True(repeated!.Length <= $"testimonies-search--{Day}.csv".Length + SearchExports.MaxNameLength, repeated);
    }

    [Theory]
    [InlineData("/search.csv")]
    [InlineData("/api/v1/statements.csv")]
    public async Task TheCsvGivesNamesOnlyWhereTheSourceNamesTheSpeakerAndLabelsBesideKeys(string url)
    {
        var rows = await CsvAsync(url);
        Assert.Equal(StatementExportRow.Columns, rows[0].Keys);
        var speakers = DataFolderTests.ReadCsv("speakers.csv").ToDictionary(r => r["key"]);
        var reasons = DataFolderTests.ReadCsv("reasons.csv").ToDictionary(r => r["slug"], r => r["name"]);
        var statements = DataFolderTests.ReadCsv("statements.csv").ToDictionary(r => r["id"]);
        Assert.Equal(statements.Count, rows.Count);
        foreach (var row in rows)
        {
            var speaker = speakers[row["speaker_key"]];
            Assert.Equal(speaker["name"], row["speaker"]); // empty where the source gives no name
            Assert.Equal(speaker["description"], row["speaker_description"]);
            Assert.Equal(speaker["role"], row["role"]);
            var roles = Testimonies.Web.Archive.Names.Roles;
            Assert.Equal(roles.Label(roles.BySlug[speaker["role"]]), row["role_label"]);
            var statement = statements[row["id"]];
            Assert.Equal(statement["reasons"], row["reasons"]);
            Assert.Equal(string.Join(';', statement["reasons"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(r => reasons[r])),
                row["reason_labels"]);
            Assert.Equal(statement["context"], row["context"]);
            Assert.StartsWith($"Testimonies. (n.d.). Statement {row["id"]}: ", row["citation_apa"], StringComparison.Ordinal);
            Assert.Contains("Retrieved November 25, 2026, from ", row["citation_apa"], StringComparison.Ordinal);
            Assert.EndsWith(row["url"], row["citation_apa"], StringComparison.Ordinal);
        }
        Assert.Contains(rows, r => r["speaker"] == "");
        Assert.Contains(rows, r => r["speaker"] == "Abu Ibrahim");
    }

    [Fact]
    public async Task RoleIsTheSameKeyInTheExportsAndTheApiWithItsLabelBeside()
    {
        using var json = JsonDocument.Parse(await (await site.Client.GetAsync("/search.json", Ct)).Content.ReadAsStringAsync(Ct));
        var exported = json.RootElement.GetProperty("statements").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!);
        using var api = JsonDocument.Parse(await (await site.Client.GetAsync("/api/v1/statements?page_size=500", Ct)).Content
            .ReadAsStringAsync(Ct));
        foreach (var item in api.RootElement.GetProperty("statements").EnumerateArray())
        {
            var row = exported[item.GetProperty("id").GetString()!];
            var speaker = item.GetProperty("speaker");
            Assert.Equal(speaker.GetProperty("role").GetString(), row.GetProperty("role").GetString());
            Assert.Equal(speaker.GetProperty("role_label").GetString(), row.GetProperty("role_label").GetString());
            Assert.Equal(item.GetProperty("context").GetString(), row.GetProperty("context").GetString());
            Assert.Equal(JsonValueKind.Array, row.GetProperty("reason_labels").ValueKind);
            Assert.Equal(row.GetProperty("reasons").GetArrayLength(), row.GetProperty("reason_labels").GetArrayLength());
            if (speaker.GetProperty("name").ValueKind == JsonValueKind.Null)
                Assert.Equal(JsonValueKind.Null, row.GetProperty("speaker").ValueKind);
        }
        using var speakers = JsonDocument.Parse(await (await site.Client.GetAsync("/api/v1/speakers", Ct)).Content.ReadAsStringAsync(Ct));
        Assert.All(speakers.RootElement.EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("role_label").GetString())));
    }
}
