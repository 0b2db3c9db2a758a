using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.RefiQda;

/// <summary>
/// The REFI-QDA downloads (/dataset.qdpx, /search.qdpx, /codebook.qdc): valid against the schema, and every selection's
/// positions, counted in code points in its source file, give back the statement's exact words. The site is data/ plus a
/// synthetic source whose text has astral-plane characters (emoji, mathematical letters) before its statements, so that code
/// points and UTF-16 units differ, two synthetic coders' codings, and one statement of a source without a text.
/// </summary>
public class RefiQdaExportTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly XNamespace Qda = "urn:QDA-XML:project:1.0";

    public const string AstralSource = "test-qda-astral";

    /// <summary>Synthetic words, after characters outside the Basic Multilingual Plane.</summary>
    private const string Text = "Synthetic source text 𝕬𝖇𝖈 😀 for the REFI-QDA tests.\n" +
        "Synthetic statement one: I left 🙂 because of 𝒳 and nothing else.\n" +
        "More 🧪 text; then synthetic statement two, 𝟘𝟙 ends here.\n";

    private const string WordsOne = "I left 🙂 because of 𝒳 and nothing else.";
    private const string WordsTwo = "synthetic statement two, 𝟘𝟙 ends here.";

    private ArchiveFactory? _factory;
    private HttpClient? _client;

    protected virtual TestStore Store => TestStore.Sqlite;

    private ArchiveFactory Factory => _factory ?? throw Skip();
    private HttpClient Client => _client ?? throw Skip();

    private InvalidOperationException Skip()
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
        return new InvalidOperationException("The site was not started.");
    }

    public async ValueTask InitializeAsync()
    {
        if (Store == TestStore.Postgres && !PostgresServer.IsAvailable) return;
        _factory = new ArchiveFactory(UntextedSource.DataPath, Store);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SeedAsync(_factory);
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _factory?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>The code points [start, end) of a text.</summary>
    private static string Slice(string text, int start, int end) =>
        string.Concat(text.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));

    private static async Task SeedAsync(ArchiveFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var source = new Source
        {
            Key = AstralSource, Title = "Synthetic Source With Astral Characters", Publisher = "Test Publisher",
            Published = PartialDate.Parse("2020"), Notes = "Generated for tests; not a real publication.",
        };
        source.Texts.Add(new SourceText { Version = 1, Text = Text, Sha256 = SourceText.HashOf(Text), StoredAt = ArchiveFactory.Today });
        var untexted = await db.Sources.SingleAsync(s => s.Key == UntextedSource.Key, Ct);
        var one = new Speaker
        {
            Key = "test-qda-speaker-1", Description = "a synthetic defector", Nationality = "Mockese", Role = SpeakerRole.Defector,
        };
        var two = new Speaker { Key = "test-qda-speaker-2", Description = "a synthetic fighter", Role = SpeakerRole.Fighter };
        Statement Words(string id, Source at, Speaker speaker, int position, string words, bool anchored)
        {
            var start = Text.IndexOf(words, StringComparison.Ordinal);
            return new Statement
            {
                PublicId = id, Text = words, Source = at, Speaker = speaker, Position = position,
                TextVersion = anchored ? 1 : null,
                AnchorStart = anchored ? CodePoints(Text[..start]) : null,
                AnchorEnd = anchored ? CodePoints(Text[..(start + words.Length)]) : null,
            };
        }
        var first = Words("test-qda-1", source, one, 1, WordsOne, anchored: true);
        var second = Words("test-qda-2", source, two, 2, WordsTwo, anchored: true);
        var third = Words("test-qda-3", untexted, one, 1, "Synthetic words of a source without a text.", anchored: false);
        db.Statements.AddRange(first, second, third);

        var reasons = await db.Reasons.OrderBy(r => r.Position).Take(2).ToListAsync(Ct);
        var coder1 = new Coder { Key = "synthetic-coder-1", Label = "Synthetic coder 1" };
        var coder2 = new Coder { Key = "synthetic-coder-2", Label = "Synthetic coder 2" };
        Coding Code(Statement statement, Coder coder, Reason? reason, DateTimeOffset? at = null, DateTimeOffset? replaced = null) =>
            new()
            {
                Statement = statement, Coder = coder, Reason = reason, CodebookVersion = 1, CodedAt = at, Origin = "test",
                ReplacedAt = replaced,
            };
        db.Codings.AddRange(
            Code(first, coder1, reasons[0], ArchiveFactory.Today),
            Code(first, coder2, reasons[1]),
            Code(first, coder2, reasons[0], replaced: ArchiveFactory.Today), // replaced: history, not exported
            Code(second, coder1, null, ArchiveFactory.Today),
            Code(third, coder2, reasons[0]));
        // Version 1 of the codebook is data/'s (its first source's coding is coder-1's under it).
        await db.SaveChangesAsync(Ct);
        await db.BumpVersionAsync(Ct);
        await transaction.CommitAsync(Ct);
    }

    private sealed record Project(XDocument Xml, byte[] Bytes, Dictionary<string, string> Files, HttpResponseMessage Response)
    {
        public XElement Root => Xml.Root!;
        public IEnumerable<XElement> Selections => Root.Descendants(Qda + "PlainTextSelection");
        public XElement Selection(string id) => Selections.Single(s => (string?)s.Attribute("name") == id);
        public string Description => (string)Root.Element(Qda + "Description")!;
    }

    private async Task<Project> DownloadAsync(string url)
    {
        var response = await Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".qdpx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        byte[]? project = null;
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            if (entry.FullName == "project.qde") project = copy.ToArray();
            else
            {
                Assert.StartsWith("sources/", entry.FullName, StringComparison.Ordinal);
                var bytes = copy.ToArray();
                Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "a source file starts with a byte-order mark");
                files[entry.FullName["sources/".Length..]] = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
        }
        Assert.NotNull(project);
        Assert.Empty(QdaSchemas.ValidateProject(project));
        return new Project(XDocument.Load(new MemoryStream(project)), project, files, response);
    }

    /// <summary>Every selection's [start, end) in its source file gives back the statement's exact words.</summary>
    private async Task AssertSelectionsGiveBackTheWordsAsync(Project project)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var words = await db.Statements.ToDictionaryAsync(s => s.PublicId, s => s.Text, Ct);
        foreach (var source in project.Root.Descendants(Qda + "TextSource"))
        {
            var path = (string)source.Attribute("plainTextPath")!;
            Assert.StartsWith("internal://", path, StringComparison.Ordinal);
            var text = project.Files[path["internal://".Length..]];
            foreach (var selection in source.Elements(Qda + "PlainTextSelection"))
            {
                var start = (int)selection.Attribute("startPosition")!;
                var end = (int)selection.Attribute("endPosition")!;
                Assert.Equal(words[(string)selection.Attribute("name")!], Slice(text, start, end));
            }
        }
    }

    [Fact]
    public async Task TheDatasetProjectIsValidAndEverySelectionGivesBackTheStatementsWords()
    {
        var project = await DownloadAsync("/dataset.qdpx");
        Assert.StartsWith("testimonies-dataset-v", project.Response.Content.Headers.ContentDisposition!.FileName!.Trim('"'),
            StringComparison.Ordinal);
        await AssertSelectionsGiveBackTheWordsAsync(project);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var anchored = await db.PublishedStatements.CountAsync(s => s.AnchorStart != null, Ct);
        Assert.Equal(anchored, project.Selections.Count());
        Assert.True(anchored > 10, "the chapter's statements are selections");
        Assert.DoesNotContain(project.Selections, s => (string?)s.Attribute("name") == "test-qda-3");
        Assert.Contains($"Left out: 1 statements whose source has no stored text, so they cannot be selections: {UntextedSource.Key} (1).",
            project.Description, StringComparison.Ordinal);
        Assert.Contains("Unicode code points", project.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionsAreCodePointsNotUtf16Units()
    {
        var project = await DownloadAsync("/dataset.qdpx");
        var selection = project.Selection("test-qda-1");
        var start = (int)selection.Attribute("startPosition")!;
        Assert.Equal(CodePoints(Text[..Text.IndexOf(WordsOne, StringComparison.Ordinal)]), start);
        Assert.NotEqual(Text.IndexOf(WordsOne, StringComparison.Ordinal), start);
        Assert.Equal(start + CodePoints(WordsOne), (int)selection.Attribute("endPosition")!);
        var source = selection.Parent!;
        Assert.Equal(Text, project.Files[((string)source.Attribute("plainTextPath")!)["internal://".Length..]]);
        Assert.Equal(WordsTwo, Slice(Text, (int)project.Selection("test-qda-2").Attribute("startPosition")!,
            (int)project.Selection("test-qda-2").Attribute("endPosition")!));
    }

    [Fact]
    public async Task UsersCodesCodingsAndCasesAreTheArchives()
    {
        var project = await DownloadAsync("/dataset.qdpx");
        var root = project.Root;
        var users = root.Element(Qda + "Users")!.Elements(Qda + "User").ToList();
        // data/'s first coder and the two seeded here.
        Assert.Equal(["Coder 1", "Synthetic coder 1", "Synthetic coder 2"], users.Select(u => (string)u.Attribute("name")!).Order());
        Assert.DoesNotContain("@", string.Join(" ", users.Select(u => u.ToString())), StringComparison.Ordinal);
        var userGuids = users.ToDictionary(u => (string)u.Attribute("id")!, u => (string)u.Attribute("guid")!);

        // Themes are parent codes, not codable; reasons their children, described as the archive's.
        var codes = root.Element(Qda + "CodeBook")!.Element(Qda + "Codes")!;
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var reasons = await db.Reasons.OrderBy(r => r.Position).ToListAsync(Ct);
        var themes = codes.Elements(Qda + "Code").Where(c => (string?)c.Attribute("isCodable") == "false").ToList();
        Assert.Equal(reasons.Select(r => r.Theme).Distinct().Count(), themes.Count);
        foreach (var reason in reasons)
        {
            var code = themes.Single(t => (string)t.Attribute("name")! == reason.Theme.Name())
                .Elements(Qda + "Code").Single(c => (string)c.Attribute("name")! == reason.Name);
            Assert.Equal("true", (string?)code.Attribute("isCodable"));
            var description = (string)code.Element(Qda + "Description")!;
            Assert.StartsWith("The Testimonies archive's definition", description, StringComparison.Ordinal);
            Assert.Contains(reason.Definition, description, StringComparison.Ordinal);
        }
        var codeGuids = codes.Descendants(Qda + "Code").ToDictionary(c => (string)c.Attribute("guid")!, c => (string)c.Attribute("name")!);

        var first = project.Selection("test-qda-1").Elements(Qda + "Coding").ToList();
        Assert.Equal(2, first.Count); // the replaced coding is history, not exported
        Assert.Equal(new[] { reasons[0].Name, reasons[1].Name }.Order(StringComparer.Ordinal),
            first.Select(c => codeGuids[(string)c.Element(Qda + "CodeRef")!.Attribute("targetGUID")!]).Order(StringComparer.Ordinal));
        var byCoder = first.ToDictionary(c => (string)c.Attribute("creatingUser")!);
        Assert.Equal(reasons[0].Name,
            codeGuids[(string)byCoder[userGuids["synthetic-coder-1"]].Element(Qda + "CodeRef")!.Attribute("targetGUID")!]);
        Assert.NotNull(byCoder[userGuids["synthetic-coder-1"]].Attribute("creationDateTime"));
        Assert.Null(byCoder[userGuids["synthetic-coder-2"]].Attribute("creationDateTime")); // not recorded, not invented
        var none = project.Selection("test-qda-2").Elements(Qda + "Coding").Single();
        Assert.Equal("No reason of the codebook applies", codeGuids[(string)none.Element(Qda + "CodeRef")!.Attribute("targetGUID")!]);
        Assert.Contains($"/s/test-qda-1", (string)project.Selection("test-qda-1").Element(Qda + "Description")!, StringComparison.Ordinal);

        // Cases: speakers with their variables and the selections of their statements.
        var variables = root.Element(Qda + "Variables")!.Elements(Qda + "Variable")
            .ToDictionary(v => (string)v.Attribute("guid")!, v => (string)v.Attribute("name")!);
        XElement Case(string name) => root.Element(Qda + "Cases")!.Elements(Qda + "Case").Single(c => (string)c.Attribute("name")! == name);
        Dictionary<string, string> Values(XElement @case) => @case.Elements(Qda + "VariableValue").ToDictionary(
            v => variables[(string)v.Element(Qda + "VariableRef")!.Attribute("targetGUID")!], v => (string)v.Element(Qda + "TextValue")!);
        var defector = Case("A synthetic defector");
        Assert.Equal(new Dictionary<string, string> { ["Nationality"] = "Mockese", ["Role"] = "Defector" }, Values(defector));
        Assert.Equal([(string)project.Selection("test-qda-1").Attribute("guid")!],
            defector.Elements(Qda + "SelectionRef").Select(r => (string)r.Attribute("targetGUID")!));
        Assert.Equal(new Dictionary<string, string> { ["Role"] = "Fighter" }, Values(Case("A synthetic fighter")));
        var selectionGuids = project.Selections.Select(s => (string)s.Attribute("guid")!).ToHashSet();
        Assert.All(root.Descendants(Qda + "SelectionRef"), r => Assert.Contains((string)r.Attribute("targetGUID")!, selectionGuids));
    }

    [Fact]
    public async Task ASearchProjectHoldsOnlyTheResultWithTheSameGuids()
    {
        var all = await DownloadAsync("/dataset.qdpx");
        var project = await DownloadAsync($"/search.qdpx?source={AstralSource}");
        Assert.StartsWith("testimonies-search-", project.Response.Content.Headers.ContentDisposition!.FileName!.Trim('"'),
            StringComparison.Ordinal);
        Assert.Equal(["test-qda-1", "test-qda-2"], project.Selections.Select(s => (string)s.Attribute("name")!));
        Assert.Single(project.Root.Descendants(Qda + "TextSource"));
        Assert.Single(project.Files);
        Assert.Equal(2, project.Root.Element(Qda + "Cases")!.Elements(Qda + "Case").Count());
        Assert.Equal((string)all.Selection("test-qda-1").Attribute("guid")!, (string)project.Selection("test-qda-1").Attribute("guid")!);
        Assert.Contains("The 2 published statements of a search", project.Description, StringComparison.Ordinal);
        await AssertSelectionsGiveBackTheWordsAsync(project);
    }

    [Fact]
    public async Task AnEmptyResultIsAValidEmptyProjectAndUnknownValuesAreNotedAsInTheCsv()
    {
        var empty = await DownloadAsync("/search.qdpx?source=test-untexted&kind=paraphrase");
        Assert.Empty(empty.Selections);
        Assert.Empty(empty.Files);
        Assert.Null(empty.Root.Element(Qda + "Sources"));
        Assert.Null(empty.Root.Element(Qda + "Users"));
        Assert.Contains("The 0 published statements", empty.Description, StringComparison.Ordinal);

        var noted = await DownloadAsync("/search.qdpx?reason=no-such-reason&source=" + AstralSource);
        Assert.Contains("There is no reason “no-such-reason”", noted.Description, StringComparison.Ordinal);
        Assert.Equal(2, noted.Selections.Count());
    }

    [Fact]
    public async Task TheCodebookFileIsValidAndVersioned()
    {
        var response = await Client.GetAsync("/codebook.qdc", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("testimonies-codebook-v1.qdc", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Empty(QdaSchemas.ValidateCodebook(bytes));
        XNamespace codebook = "urn:QDA-XML:codebook:1.0";
        var xml = XDocument.Load(new MemoryStream(bytes));
        Assert.Equal(codebook + "CodeBook", xml.Root!.Name);
        // Version 1 (data/'s) holds its codes, under their themes, with the same GUIDs as the project's.
        var reasons = xml.Root.Descendants(codebook + "Code").Where(c => (string?)c.Attribute("isCodable") == "true"
            && (string)c.Attribute("name")! != "No reason of the codebook applies").ToList();
        using (var scope = Factory.Services.CreateScope())
            Assert.Equal(await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Reasons.CountAsync(Ct), reasons.Count);
        var project = await DownloadAsync("/dataset.qdpx");
        var projectGuids = project.Root.Descendants(Qda + "Code").Select(c => (string)c.Attribute("guid")!).ToHashSet();
        Assert.All(reasons, r => Assert.Contains((string)r.Attribute("guid")!, projectGuids));

        var one = await Client.GetAsync("/codebook.qdc?version=1", Ct);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Empty(QdaSchemas.ValidateCodebook(await one.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Theory]
    [InlineData("/codebook.qdc?version=abc", HttpStatusCode.BadRequest)]
    [InlineData("/codebook.qdc?version=0", HttpStatusCode.BadRequest)]
    [InlineData("/codebook.qdc?version=-1", HttpStatusCode.BadRequest)]
    [InlineData("/codebook.qdc?version=%3Cscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("/codebook.qdc?version=99", HttpStatusCode.NotFound)]
    public async Task BadParametersAreRefusedClearly(string url, HttpStatusCode status)
    {
        var response = await Client.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("version", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dataset.qdpx")]
    [InlineData("/search.qdpx?q=fighter")]
    [InlineData("/codebook.qdc")]
    public async Task HeadIsAnsweredLikeGet(string url)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/statements", "/dataset.qdpx")]
    [InlineData("/reasons/boredom", "/search.qdpx?reason=boredom")]
    [InlineData("/sources/csis-2016-ch9", "/search.qdpx?source=csis-2016-ch9")]
    [InlineData("/search?q=muslims&reason=infighting", "/search.qdpx?q=muslims&reason=infighting")]
    [InlineData("/api", "/dataset.qdpx")]
    [InlineData("/api", "/codebook.qdc")]
    public async Task ListsOfStatementsAndTheDataPageLinkTheirProject(string page, string link)
    {
        var (_, document) = await Html.GetAsync(Client, page);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == link);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(link, Ct)).StatusCode);
    }

    [Fact]
    public async Task ASpeakersListLinksNoProjectForSearchHasNoSpeakerFacet()
    {
        var (_, document) = await Html.GetAsync(Client, "/speakers/abu-ibrahim");
        Assert.DoesNotContain(document.QuerySelectorAll(".data-links a"),
            a => a.GetAttribute("href")!.Contains(".qdpx", StringComparison.Ordinal));
    }

    public static TheoryData<string> HostileSearches => new()
    {
        "/search.qdpx?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%22%5D%5D%3E",
        "/search.qdpx?q=" + new string('"', 3000),
        "/search.qdpx?q=" + string.Concat(Enumerable.Repeat("fighter%20OR%20", 400)),
        "/search.qdpx?q=%F0%9F%98%80%ED%A0%80%00&kind=%00",
        "/search.qdpx?" + string.Join('&', Enumerable.Range(0, 60).Select(i => $"reason=r{i}")),
        "/search.qdpx?page=abc&sort=sideways&source=" + AstralSource,
    };

    /// <summary>Odd searches are read leniently, as /search.csv reads them: a valid project, never a 5xx, nothing reflected raw.</summary>
    [Theory]
    [MemberData(nameof(HostileSearches))]
    public async Task HostileSearchesGiveAValidProject(string url)
    {
        var project = await DownloadAsync(url);
        Assert.DoesNotContain("<script>", Encoding.UTF8.GetString(project.Bytes), StringComparison.Ordinal);
        await AssertSelectionsGiveBackTheWordsAsync(project);
    }
}
