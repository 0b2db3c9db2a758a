using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>
/// The classroom display (Rendering/ClassroomDisplay, Pages/Classroom): the cookie, the cover=1 / cover=0 override, the
/// cover in the card and on the statement page, and an output cache that never serves one reader's choice to another.
/// csis16-14 is the real statement with a content note; csis16-03 has none.
/// </summary>
public sealed class ClassroomPageTests(SiteFixture site) : IDisposable
{
    // Its own client that keeps no cookies: the site's shared client would keep the one /classroom sets for every other test.
    private readonly Lazy<HttpClient> _client = new(() => site.Factory.CreateClient(
        new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    private HttpClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }

    private const string Note = "Describes the killing of women and children.";
    private const string Words =
        "They think nothing of bringing down a whole building with women and children inside, just to kill one person";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(string url, bool cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie) request.Headers.Add("Cookie", "classroom=cover");
        var response = await Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task WithTheCookieTheStatementPageCoversTheWordsBehindTheirNote()
    {
        var document = await GetAsync("/s/csis16-14?t=cookie", cookie: true);
        var cover = document.QuerySelector(".statement details.cover");
        Assert.NotNull(cover);
        Assert.False(cover.HasAttribute("open"));
        Assert.Equal($"Content note: {Note} — show the words", cover.QuerySelector("summary")!.TextContent);
        // The words are in the page, inside the cover, for whoever opens it; attribution and link stay outside it.
        Assert.Equal(Words, cover.QuerySelector(".statement-text")!.TextContent);
        Assert.Null(document.QuerySelector(".statement figcaption")!.Closest("details"));
        Assert.Null(document.QuerySelector(".permalink-url")!.Closest("details"));
        Assert.Null(document.QuerySelector(".statement .content-note")); // named once: in the cover's summary
        Assert.DoesNotContain("bringing down", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheCookieNothingIsCoveredAndTheNoteStands()
    {
        var document = await GetAsync("/s/csis16-14?t=plain", cookie: false);
        Assert.Null(document.QuerySelector("details.cover"));
        Assert.Contains(Note, document.QuerySelector(".statement .content-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("bringing down", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatementWithoutAContentNoteIsNeverCovered()
    {
        var document = await GetAsync("/s/csis16-03?t=none", cookie: true);
        Assert.Null(document.QuerySelector("details.cover"));
    }

    [Theory]
    [InlineData("cover=1", false, true)]
    [InlineData("cover=0", true, false)]
    [InlineData("cover=on", false, true)]
    [InlineData("cover=nonsense", true, true)] // not a choice: the cookie decides
    [InlineData("cover=nonsense", false, false)]
    public async Task TheAddressOverridesTheCookie(string query, bool cookie, bool covered)
    {
        var document = await GetAsync($"/s/csis16-14?{query}", cookie);
        Assert.Equal(covered, document.QuerySelector(".statement details.cover") is not null);
        var embed = await GetAsync($"/s/csis16-14/embed?{query}", cookie);
        Assert.Equal(covered, embed.QuerySelector(".statement-card details.cover") is not null);
    }

    [Fact]
    public async Task TheCacheKeepsCoveredAndOpenPagesApart()
    {
        // The same address, first with the cookie and then without, then with again: each answer is the reader's own.
        foreach (var path in new[] { "/s/csis16-14?t=cache", "/reasons/brutality-and-indiscriminate-killing?t=cache",
                     "/s/csis16-14/embed?t=cache" })
        {
            Assert.NotNull((await GetAsync(path, cookie: true)).QuerySelector("details.cover"));
            Assert.Null((await GetAsync(path, cookie: false)).QuerySelector("details.cover"));
            Assert.NotNull((await GetAsync(path, cookie: true)).QuerySelector("details.cover"));
        }
    }

    [Fact]
    public async Task TheCardInAListIsCoveredToo()
    {
        var document = await GetAsync("/reasons/brutality-and-indiscriminate-killing?t=card", cookie: true);
        var card = document.QuerySelectorAll(".statement-card").Single(c => c.QuerySelector("a[href='/s/csis16-14']") is not null);
        Assert.Equal($"Content note: {Note} — show the words", card.QuerySelector("details.cover > summary")!.TextContent);
        Assert.Null(card.QuerySelector(".content-note"));
        Assert.Null(card.QuerySelector(".attribution")!.Closest("details"));
        Assert.Null(card.QuerySelector(".permalink")!.Closest("details"));
    }

    [Fact]
    public async Task SwitchingItOnKeepsACookieForAYearAndGoesBack()
    {
        var response = await Client.GetAsync("/classroom?cover=on&return=/s/csis16-14%3Fq%3D%C3%A9", Ct);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/s/csis16-14?q=%C3%A9", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("classroom=cover;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingItOffRemovesTheCookie()
    {
        var response = await Client.GetAsync("/classroom?cover=off", Ct);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/classroom", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cover=on&return=//evil.example/", "return")]
    [InlineData("cover=on&return=https://evil.example/", "return")]
    [InlineData("cover=on&return=/%5Cevil.example", "return")]
    [InlineData("cover=on&return=/a&return=/b", "return")]
    [InlineData("cover=maybe", "cover")]
    [InlineData("cover=on&cover=off", "cover")]
    [InlineData("cover=%3Cscript%3Ealert(1)%3C/script%3E&return=%3Cb%3E", "cover")]
    public async Task AWrongAddressIsNamedAndChangesNothing(string query, string field)
    {
        var response = await Client.GetAsync($"/classroom?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
        var document = await Html.ParseAsync(response);
        Assert.Contains(document.QuerySelectorAll(".problems li code"), code => code.TextContent == field);
    }

    [Fact]
    public async Task TheClassroomPageSaysTheStateAndOffersTheChoiceAsAForm()
    {
        var on = await GetAsync("/classroom?return=/s/csis16-14", cookie: true);
        Assert.Contains("is on", on.QuerySelector(".classroom-state")!.TextContent, StringComparison.Ordinal);
        Assert.True(on.QuerySelector("#cover-on")!.HasAttribute("checked"));
        Assert.Equal("/s/csis16-14", on.QuerySelector(".classroom-form input[name=return]")?.GetAttribute("value"));
        var off = await GetAsync("/classroom?return=/s/csis16-14", cookie: false);
        Assert.Contains("is off", off.QuerySelector(".classroom-state")!.TextContent, StringComparison.Ordinal);
        Assert.True(off.QuerySelector("#cover-off")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task TheFooterSwitchesItAndComesBackToTheSamePage()
    {
        var off = await GetAsync("/s/csis16-03?t=footer", cookie: false);
        var form = off.QuerySelector("form.classroom-switch")!;
        Assert.Equal("/classroom", form.GetAttribute("action"));
        Assert.Equal("on", form.QuerySelector("input[name=cover]")?.GetAttribute("value"));
        Assert.Equal("/s/csis16-03?t=footer", form.QuerySelector("input[name=return]")?.GetAttribute("value"));
        Assert.Equal("Classroom display: hide graphic detail", form.QuerySelector("button")!.TextContent);
        var on = await GetAsync("/s/csis16-03?t=footer", cookie: true);
        Assert.Equal("off", on.QuerySelector("form.classroom-switch input[name=cover]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheStatementPageHasAPrintButtonAndAnEmbedCodeWithTheHeightScript()
    {
        var document = await GetAsync("/s/csis16-14?t=embed", cookie: false);
        var print = document.QuerySelector("button[data-print]");
        Assert.NotNull(print);
        Assert.True(print.HasAttribute("hidden")); // shown by site.js, which calls window.print()
        var code = document.QuerySelector("#embed-code")!.TextContent;
        Assert.Contains("<iframe src=\"http://localhost/s/csis16-14/embed\"", code, StringComparison.Ordinal);
        Assert.Contains("title=\"Statement csis16-14 from the Testimonies archive\"", code, StringComparison.Ordinal);
        Assert.Contains(" data-testimonies-embed>", code, StringComparison.Ordinal);
        Assert.Contains("<script src=\"http://localhost/js/embed.js\" async></script>", code, StringComparison.Ordinal);
        var covered = document.QuerySelector("#embed-code-covered")!.TextContent;
        Assert.Contains("/s/csis16-14/embed?cover=1\"", covered, StringComparison.Ordinal);
        var embed = await GetAsync("/s/csis16-14/embed", cookie: false);
        Assert.Contains(embed.QuerySelectorAll("script"),
            s => s.GetAttribute("src")!.Contains("/js/embed-frame", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEmbedCodeTakesItsAddressFromThePublicUrl()
    {
        await using var factory = new ConfiguredFactory(TestStore.Sqlite,
            new Dictionary<string, string> { ["Archive:PublicUrl"] = "https://testimonies.example.org/" });
        // With a public address set, another Host is refused (400, PublicDeploymentTests); the code is written from the setting.
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://testimonies.example.org:443"), AllowAutoRedirect = false,
        });
        var response = await client.GetAsync("/s/csis16-03", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var code = document.QuerySelector("#embed-code")!.TextContent;
        Assert.Contains("src=\"https://testimonies.example.org/s/csis16-03/embed\"", code, StringComparison.Ordinal);
        Assert.Contains("src=\"https://testimonies.example.org/js/embed.js\"", code, StringComparison.Ordinal);
    }

    /// <summary>The try-out found the switch only at the foot of the page: it stands beside the content note too.</summary>
    [Fact]
    public async Task AStatementsContentNoteOffersTheClassroomDisplayBesideIt()
    {
        var (_, page) = await Html.GetAsync(Client, "/s/csis16-14");
        var link = page.QuerySelector(".content-note a.cover-switch")!;
        Assert.Equal("/classroom?cover=on&return=%2Fs%2Fcsis16-14", link.GetAttribute("href"));
        var switched = await Client.GetAsync(link.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, switched.StatusCode);
        Assert.Equal("/s/csis16-14", switched.Headers.Location!.OriginalString);
    }
}
