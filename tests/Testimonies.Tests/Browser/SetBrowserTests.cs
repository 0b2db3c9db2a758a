using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Testimonies.Tests.Browser;

/// <summary>An educator builds a set of four with JavaScript, without leaving the list, then opens, shares and prints it.</summary>
public sealed class SetBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FourClicksOnAddToSetMakeASetOfFourWithoutLeavingThePage()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync("/statements");
        var buttons = page.Locator("article.statement-card form.add-to-set button");
        for (var i = 0; i < 4; i++) await buttons.Nth(i).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/statements$"));
        var status = page.Locator(".set-count[role=status]");
        await Assertions.Expect(status).ToContainTextAsync("4 in your set");
        await buttons.Nth(0).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("in your set already. 4 in your set");
        var ids = await page.Locator("article.statement-card form.add-to-set input[name=id]").EvaluateAllAsync<string[]>(
            "inputs => inputs.slice(0, 4).map(i => i.value)");

        await status.GetByRole(AriaRole.Link, new() { Name = "Open your set" }).ClickAsync();
        await Assertions.Expect(page.Locator(".draft-statements article.statement-card")).ToHaveCountAsync(4);
        await page.GetByLabel("Title of the set (optional)").FillAsync("Synthetic lesson: four statements");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the set" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Synthetic lesson: four statements");
        Assert.Contains($"ids={string.Join("%2C", ids)}", page.Url, StringComparison.Ordinal);
        var shown = await page.Locator(".set-statements article.statement-card").EvaluateAllAsync<string[]>(
            "cards => cards.map(c => c.getAttribute('aria-labelledby').slice(5))");
        Assert.Equal(ids, shown);
        Assert.Empty((await page.RunAxe()).Violations);

        // No horizontal scroll on a phone, the handout included; the CSP blocked nothing.
        await page.SetViewportSizeAsync(390, 800);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the set page is wider than 390 px");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chicago" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("img.qr")).ToHaveCountAsync(4);
        // The images are in the page before its stylesheet and images have loaded: measure the page as it is shown.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the handout is wider than 390 px");
        Assert.Empty((await page.RunAxe()).Violations);
        Assert.Empty(errors);
    }
}
