using Microsoft.Playwright;

namespace Testimonies.Tests.Browser;

/// <summary>
/// The classroom cover opened by keyboard, the embed's height on another origin at phone and desktop widths, and the
/// printed statement on one A4 sheet with its facts (issue #17, items 3 and 4).
/// </summary>
public sealed class ClassroomBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IBrowserContext> ContextAsync(int width = 1280, bool cover = false)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = width, Height = 900 };
        var context = await browser.Browser.NewContextAsync(options);
        if (cover)
        {
            await context.AddCookiesAsync([new Cookie { Name = "classroom", Value = "cover", Url = browser.BaseAddress.ToString() }]);
        }
        return context;
    }

    [Fact]
    public async Task TheCoverHidesTheWordsUntilTheKeyboardOpensIt()
    {
        await using var context = await ContextAsync(cover: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s/csis16-14");
        var words = page.Locator(".statement .statement-text");
        await Assertions.Expect(words).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".statement figcaption")).ToBeVisibleAsync();
        var summary = page.Locator(".statement details.cover > summary");
        await Assertions.Expect(summary).ToHaveTextAsync("Content note: Describes the killing of women and children. — show the words");

        // Tab from the top of the page to the cover's summary, as a keyboard user would.
        for (var presses = 0; presses < 60 && !await summary.EvaluateAsync<bool>("s => s === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveCSSAsync("outline-style", "solid");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(words).ToBeVisibleAsync();
        await Assertions.Expect(words).ToHaveTextAsync(
            "They think nothing of bringing down a whole building with women and children inside, just to kill one person");
        await Assertions.Expect(page.Locator(".statement details.cover")).ToHaveAttributeAsync("open", "");
    }

    [Fact]
    public async Task TheFooterSwitchTurnsTheCoverOnAndOffAndComesBack()
    {
        await using var context = await ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s/csis16-14");
        await Assertions.Expect(page.Locator("details.cover")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Classroom display: hide graphic detail" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/s/csis16-14$"));
        await Assertions.Expect(page.Locator(".statement details.cover")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Classroom display on: show all words" }).ClickAsync();
        await Assertions.Expect(page.Locator("details.cover")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(280)]
    [InlineData(390)]
    [InlineData(800)]
    public async Task TheEmbedCodeOnAnotherSiteShowsTheAttributionAndTheLinkWithoutScrolling(int width)
    {
        await using var context = await ContextAsync(width);
        var page = await context.NewPageAsync();
        // The code exactly as the statement page gives it (the longest card of the real data, with its content note).
        await page.GotoAsync("/s/csis16-14");
        var code = await page.Locator("#embed-code").TextContentAsync();
        Assert.NotNull(code);

        // Another site: a page served from another port on loopback, so another origin; nothing else on it but the code.
        using var otherSite = new System.Net.HttpListener();
        var port = FreePort();
        otherSite.Prefixes.Add($"http://127.0.0.1:{port}/");
        otherSite.Start();
        var serving = Task.Run(async () =>
        {
            var request = await otherSite.GetContextAsync();
            var body = System.Text.Encoding.UTF8.GetBytes(
                $"<!DOCTYPE html><html lang=en><title>A lesson</title><body style='margin:0'><h1>A lesson</h1>{code}<p>After</p>");
            request.Response.ContentType = "text/html; charset=utf-8";
            await request.Response.OutputStream.WriteAsync(body);
            request.Response.Close();
        }, Ct);
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await serving;

        var frame = page.FrameLocator("iframe[data-testimonies-embed]");
        await Assertions.Expect(frame.Locator(".statement-text")).ToBeVisibleAsync();
        var embedded = page.Frames.Single(f => f.Url.EndsWith("/s/csis16-14/embed", StringComparison.Ordinal));
        // The height script has run when the frame is as tall as its content: nothing below the fold inside it.
        await embedded.WaitForFunctionAsync("""
            () => { const link = document.querySelector(".embed-link"), attribution = document.querySelector(".attribution");
                    return document.documentElement.scrollHeight <= innerHeight
                      && link.getBoundingClientRect().bottom <= innerHeight && attribution.getBoundingClientRect().bottom <= innerHeight; }
            """, null, new() { Timeout = 10_000 });
        Assert.True(await embedded.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));
        await Assertions.Expect(frame.Locator(".embed-link a")).ToHaveTextAsync("Statement csis16-14 in the Testimonies archive");
        await Assertions.Expect(frame.Locator(".attribution")).ToContainTextAsync("Saddam Jamal");
        // The host page's readers see the whole frame: it is in the host's page, not cut off by a fixed height.
        var frameBox = await page.Locator("iframe[data-testimonies-embed]").BoundingBoxAsync();
        Assert.NotNull(frameBox);
        Assert.True(frameBox.Width <= width);
        var contentHeight = await embedded.EvaluateAsync<double>("() => document.documentElement.getBoundingClientRect().height");
        Assert.InRange(frameBox.Height, contentHeight - 1, contentHeight + 2);
    }

    [Fact]
    public async Task AMessageFromAnotherOriginDoesNotResizeTheFrame()
    {
        await using var context = await ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/about");
        // A frame whose src is another origin than the message's: embed.js ignores what the page itself posts.
        await page.SetContentAsync($"""
            <iframe src="https://example.invalid/embed" data-testimonies-embed height="300"></iframe>
            <script src="{new Uri(browser.BaseAddress, "/js/embed.js")}"></script>
            """);
        await page.EvaluateAsync("""
            () => { const frame = document.querySelector("iframe");
                    window.dispatchEvent(new MessageEvent("message", { data: { type: "testimonies-embed-height", height: 5000 },
                      origin: location.origin, source: frame.contentWindow })); }
            """);
        await page.WaitForTimeoutAsync(200);
        Assert.Equal("300", await page.Locator("iframe").GetAttributeAsync("height"));
    }

    [Theory]
    [InlineData("/s/csis16-04", "an Australian defector called Abu Ibrahim", "Lack of humanitarian concern", "note marker 100",
        "Quoted right after the chapter’s report")]
    [InlineData("/s/csis16-14", "Saddam Jamal", "Brutality and indiscriminate killing", "note marker 110",
        "Quoted after the chapter’s finding")]
    public async Task APrintedStatementIsOneA4SheetWithItsFacts(string path, string speaker, string reason, string locator,
        string context)
    {
        await using var browserContext = await ContextAsync();
        var page = await browserContext.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this statement" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".print-line")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.classroom-switch")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".cite details:not([open])").First).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        // Compared without spaces: the PDF's words come back without the spaces between them.
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        var permalink = new Uri(browser.BaseAddress, path).ToString();
        foreach (var expected in new[] { speaker, "Canadian Security Intelligence Service", "The Foreign Fighters Phenomenon", reason,
                     locator, context, permalink, "Reference list: the publication", "APA 7" })
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Squeeze("MLA 9"), text, StringComparison.Ordinal); // one citation style
        Assert.DoesNotContain(Squeeze("Embed this statement"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze("Classroom display"), text, StringComparison.Ordinal);
    }

    // NFKC: a ligature the PDF's font drew ("ﬁ") reads as its letters.
    private static string Squeeze(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
