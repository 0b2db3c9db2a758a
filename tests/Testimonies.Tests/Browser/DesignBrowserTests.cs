using Microsoft.Playwright;

namespace Testimonies.Tests.Browser;

/// <summary>What issue #16's design promises on a phone, measured in a real browser.</summary>
public sealed class DesignBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PhoneAsync()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        var context = await browser.Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    [Theory]
    [MemberData(nameof(BrowsingTests.PageTypes), MemberType = typeof(BrowsingTests))]
    public async Task EveryPageTypeFitsAPhoneWithoutSidewaysScrolling(string path)
    {
        var page = await PhoneAsync();
        await page.GotoAsync(path);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone");
    }

    [Fact]
    public async Task OnADesktopTheKeyboardReachesTheFiltersWithoutTabbingPastEveryResult()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 1280, Height = 900 };
        var page = await (await browser.Browser.NewContextAsync(options)).NewPageAsync();
        await page.GotoAsync("/search?q=jihad");
        var jump = page.Locator(".facets-jump a");
        // Hidden until focused, and the first stop after the search form's controls.
        Assert.True(await page.Locator(".facets-jump").BoundingBoxAsync() is null or { Width: <= 1 }, "the jump shows unfocused");
        await page.Locator("#search-q, main input[name=q]").First.FocusAsync();
        for (var i = 0; i < 10 && !await jump.EvaluateAsync<bool>("a => a === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(jump).ToBeFocusedAsync();
        Assert.True(await page.Locator(".facets-jump").BoundingBoxAsync() is { Width: > 1 }, "the focused jump is not shown");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#facets') !== null"),
            "the Tab after the jump does not land in the filters");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task ChartLabelsStayInsideTheChartAndAreReadable(int width, int height)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = width, Height = height };
        var page = await (await browser.Browser.NewContextAsync(options)).NewPageAsync();
        await page.GotoAsync("/statistics");
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const charts = [...document.querySelectorAll("svg.bar-chart")];
              if (charts.length === 0) problems.push("no chart");
              for (const svg of charts) {
                const box = svg.getBoundingClientRect();
                for (const text of svg.querySelectorAll("text")) {
                  const r = text.getBoundingClientRect();
                  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                    problems.push(`"${text.textContent}" outside its chart`);
                  // The text as drawn: its font size scaled by the chart's width on screen.
                  const scale = box.width / svg.viewBox.baseVal.width;
                  const size = parseFloat(getComputedStyle(text).fontSize) * scale;
                  if (size < 11.5) problems.push(`"${text.textContent}" drawn at ${size.toFixed(1)} px`);
                }
              }
              return problems;
            }
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task OnAPhoneSearchResultsStartNearTheTopBeforeTheFilters()
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/search?q=fighting");
        var firstHit = await page.Locator(".search-hit").First.BoundingBoxAsync();
        var facets = await page.Locator(".facets").BoundingBoxAsync();
        Assert.NotNull(firstHit);
        Assert.NotNull(facets);
        Assert.True(firstHit.Y < 700, $"the first result starts {firstHit.Y} px down");
        Assert.True(firstHit.Y < facets.Y, "the filters come before the results");
        // The filters are one link away.
        await page.GetByRole(AriaRole.Link, new() { Name = "Narrow the results" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#facets$"));
    }

    [Theory]
    [InlineData("/reasons")]
    [InlineData("/speakers")]
    public async Task OnAPhoneTablesShowEachNumbersLabel(string path)
    {
        var page = await PhoneAsync();
        await page.GotoAsync(path);
        var bare = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(".data-table td")]
              .filter(td => td.offsetParent !== null)
              .filter(td => { const c = getComputedStyle(td, "::before").content; return !c || c === "none" || c === "normal"; })
              .map(td => td.textContent.trim())
            """);
        Assert.Empty(bare);
    }

    [Fact]
    public async Task OnADesktopTheHeaderIsOneRowAndTheStatementHasASideColumn()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/s/csis16-03");
        var brand = (await page.Locator(".site-header .brand").BoundingBoxAsync())!;
        var search = (await page.Locator(".site-header .site-search").BoundingBoxAsync())!;
        Assert.True(search.Y < brand.Y + brand.Height, "the search box is on a row of its own");
        var words = (await page.Locator(".statement .statement-text").BoundingBoxAsync())!;
        var side = (await page.Locator(".statement-side").BoundingBoxAsync())!;
        Assert.True(side.X > words.X + words.Width, "the facts are not beside the words");
        Assert.True(side.Y < words.Y + 400, "the side column starts far below the words");
    }
}
