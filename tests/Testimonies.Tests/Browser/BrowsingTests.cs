using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Testimonies.Tests.Browser;

/// <summary>Journeys through the site in a real browser, with axe-core checking every page type.</summary>
public sealed class BrowsingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(string path)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return page;
    }

    [Fact]
    public async Task AReaderGoesFromHomeToAReasonToAStatement()
    {
        var page = await OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Infighting among Muslims and rebel factions" }).First.ClickAsync();
        await page.WaitForURLAsync("**/reasons/infighting");
        Assert.Equal("Infighting among Muslims and rebel factions", await page.Locator("h1").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Statement csis16-03" }).ClickAsync();
        await page.WaitForURLAsync("**/s/csis16-03");
        Assert.Equal("Muslims are fighting Muslims; I didn’t come for that",
            await page.Locator(".statement .statement-text").TextContentAsync());
        Assert.Contains("a disillusioned British fighter from London", await page.Locator("h1").TextContentAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStylesheetLoadsAndTheCspBlocksNothing()
    {
        var page = await OpenAsync("/s/csis16-14");
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") violations.Add(message.Text); };
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("blockquote.words")).ToHaveCSSAsync("border-left-style", "solid");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task TheFirstTabReachesAVisibleSkipLink()
    {
        var page = await OpenAsync("/statements");
        await page.Keyboard.PressAsync("Tab");
        // Expect(...) retries until the page has caught up, so a busy machine does not fail the test.
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Skip to content");
        await Assertions.Expect(focused).ToBeVisibleAsync();
        await Assertions.Expect(focused).ToHaveCSSAsync("outline-style", "solid");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));
    }

    public static TheoryData<string> PageTypes() =>
        ["/", "/statements", "/s/csis16-03", "/s/csis16-13", "/s/csis16-14", "/reasons", "/reasons/racism-and-discrimination",
         "/reasons/boredom", "/speakers", "/speakers/saddam-jamal", "/sources", "/sources/csis-2016-ch9", "/sources/csis-2016-ch9/text",
         "/about", "/no-such-page",
         "/search", "/search?q=jihad&kind=quotation", "/search?q=%22unclosed", "/s/csis16-14/embed", "/admin/login", "/statistics", "/api",
         "/codebook", "/codebook/versions", "/codebook/compare", "/codebook/print", "/codebook/v/9",
         "/codebook/agreement",
         "/s/csis16-03/report", "/s/csis16-03/report/sent",
         "/classroom", "/classroom?cover=maybe", "/s/csis16-14?cover=1", "/s/csis16-14/embed?cover=1",
         "/s/csis16-03/v/1",
         "/sets?ids=csis16-03,csis16-14,no-such-statement&title=Synthetic%20lesson", "/sets/draft", "/sets/handout?ids=csis16-03,csis16-14",
         "/sets/embed?ids=csis16-03,csis16-14", "/sets/embed?ids=csis16-03,csis16-14&cover=1"];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryPageTypeHasNoAxeViolations(string path)
    {
        var page = await OpenAsync(path);
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task AReaderSearchesFromTheHeaderAndNarrowsByAFacet()
    {
        var page = await OpenAsync("/about");
        var siteSearch = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await siteSearch.GetByRole(AriaRole.Searchbox).FillAsync("jihad");
        await siteSearch.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=jihad$"));
        await Assertions.Expect(page.Locator(".search-hit mark").First).ToHaveTextAsync("jihad", new() { IgnoreCase = true });

        await page.Locator("#facet-kind ~ ul a", new() { HasTextString = "Paraphrase" })
            .Or(page.Locator("#facet-kind ~ ul a", new() { HasTextString = "Quotation" })).First.ClickAsync();
        await Assertions.Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=jihad&kind=(quotation|paraphrase)$"));
        await Assertions.Expect(page.Locator(".facet li.selected")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheCopyButtonPutsThePermanentLinkOnTheClipboard()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var context = await browser.Browser.NewContextAsync(browser.ContextOptions());
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s/csis16-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#copy-link-status")).ToHaveTextAsync("Copied to the clipboard.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(new Uri(browser.BaseAddress, "/s/csis16-03").ToString(), copied);
    }

    [Fact]
    public async Task TheEmbedShowsInAnIframeAndOtherPagesRefuseToBeFramed()
    {
        var page = await OpenAsync("/");
        var embed = new Uri(browser.BaseAddress, "/s/csis16-03/embed");
        var statement = new Uri(browser.BaseAddress, "/s/csis16-03");
        // Another site: a plain page served from another port on loopback, so another origin.
        using var otherSite = new System.Net.HttpListener();
        var port = FreePort();
        otherSite.Prefixes.Add($"http://127.0.0.1:{port}/");
        otherSite.Start();
        var serving = Task.Run(async () =>
        {
            var context = await otherSite.GetContextAsync();
            var body = System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><title>Host</title><iframe id=embed "
                + $"src='{embed}'></iframe><iframe id=page src='{statement}'></iframe>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }, TestContext.Current.CancellationToken);
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await serving;
        await Assertions.Expect(page.FrameLocator("#embed").Locator(".statement-text"))
            .ToHaveTextAsync("Muslims are fighting Muslims; I didn’t come for that");
        await page.WaitForTimeoutAsync(500);
        // frame-ancestors 'none': the browser shows its own error page instead of the statement page.
        Assert.Equal(0, await page.FrameLocator("#page").Locator(".statement-text").CountAsync());
        Assert.Equal(1, await page.FrameLocator("#embed").Locator(".statement-text").CountAsync());
    }

    [Fact]
    public async Task APrintedStatementShowsTheWordsAttributionAndPermalinkWithoutNavigation()
    {
        var page = await OpenAsync("/s/csis16-04");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer.site-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".neighbours")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".embed")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".statement .statement-text")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".statement figcaption")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".permalink-url")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cite .citation").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cite .copy-button").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".cite .downloads")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        // One sheet: a PDF page object per printed page.
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task ACitationsCopyButtonCopiesItWithAndWithoutItalics()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var context = await browser.Browser.NewContextAsync(browser.ContextOptions());
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s/csis16-04");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy the APA 7: Reference list: the publication" });
        await button.ClickAsync();
        await Assertions.Expect(page.Locator(".cite .copy-status").Nth(1)).ToHaveTextAsync("Copied to the clipboard.");
        var plain = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal("Canadian Security Intelligence Service. (2016). The foreign fighters phenomenon and related security trends in the "
            + "Middle East: Highlights from the workshop (World Watch: Expert Notes, Publication No. 2016-01-01).", plain);
        var html = await page.EvaluateAsync<string>("""
            async () => {
              for (const item of await navigator.clipboard.read())
                if (item.types.includes("text/html")) return await (await item.getType("text/html")).text();
              return "";
            }
            """);
        Assert.Contains("<i>The foreign fighters phenomenon and related security trends in the Middle East: Highlights from the "
            + "workshop</i>", html, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task APhoneWidthNeedsNoSidewaysScrolling()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
        var context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/s/csis16-09", "/reasons", "/speakers", "/sources/csis-2016-ch9",
                     "/sources/csis-2016-ch9/text", "/search?q=jihad", "/statistics", "/codebook", "/codebook/print", "/codebook/versions",
                     "/codebook/agreement" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{path} is wider than a phone screen");
        }
    }

    [Fact]
    public async Task ReadInContextLandsOnTheMarkedWordsAtPhoneWidth()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        var context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s/csis16-03");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read in context" }).ClickAsync();
        await page.WaitForURLAsync("**/sources/csis-2016-ch9/text#s-csis16-03");

        var mark = page.Locator("#s-csis16-03");
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Assertions.Expect(mark).ToHaveCSSAsync("outline-style", "solid");
        await Assertions.Expect(page.GetByRole(AriaRole.Link,
            new() { Name = "Quotation csis16-03 by A disillusioned British fighter from London" })).ToHaveCountAsync(1);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the reader is wider than a phone screen");
    }

    [Fact]
    public async Task APrintedTextKeepsItsMarksWithoutNavigation()
    {
        var page = await OpenAsync("/sources/csis-2016-ch9/text");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer.site-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#s-csis16-01")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#s-csis16-01")).ToHaveCSSAsync("border-bottom-style", "solid");
        await Assertions.Expect(page.Locator("#s-csis16-09")).ToHaveCSSAsync("border-bottom-style", "dashed");
    }
}
