using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Testimonies.Tests.Codebook;

namespace Testimonies.Tests.Browser;

/// <summary>The codebook's pages in a real browser, on a site of their own with the seeded versions (CodebookSite).</summary>
public sealed class CodebookBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;

    private async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await Seeding.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_seeded) await CodebookSite.SeedAsync(browser.Factory);
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = width, Height = 844 };
        var context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return page;
    }

    public static TheoryData<string> PageTypes() =>
        ["/codebook", "/codebook/versions", "/codebook/v/2", "/codebook/v/1", "/codebook/compare", "/codebook/compare?from=1&to=3",
         "/codebook/compare?from=2&to=2", "/codebook/print"];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryCodebookPageHasNoAxeViolationsAndFitsAPhone(string path)
    {
        var page = await OpenAsync(path);
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));

        var phone = await OpenAsync(path, 390);
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"),
            $"{path} is wider than a phone screen");
    }

    [Fact]
    public async Task ThePrintButtonIsShownByTheSitesScriptAndThePrintedCodebookIsA4WithoutItsInstructions()
    {
        var page = await OpenAsync("/codebook/print");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this page" })).ToBeVisibleAsync();
        Assert.Empty(errors); // the CSP blocks nothing the page needs

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".print-instructions")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("article.code").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.code a[href^='/reasons/']").First).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        // A4 is 595 × 842 points.
        Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]",
            System.Text.Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public async Task ABoundarysNeighbourLinkLandsOnThatCode()
    {
        var page = await OpenAsync("/codebook");
        await page.Locator("#code-infighting dd.boundary").GetByRole(AriaRole.Link, new() { Name = "Lack of humanitarian concern" })
            .ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#code-lack-of-humanitarian-concern$"));
        await Assertions.Expect(page.Locator("#code-lack-of-humanitarian-concern h3")).ToBeInViewportAsync();
    }
}
