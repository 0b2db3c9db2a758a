using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Browser;

/// <summary>
/// Two coders and an editor in a real browser, on a synthetic statement: every coding page type, with and without a problem
/// marked, passes axe and fits a phone's width.
/// </summary>
public sealed class CodingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Id = "synthetic-browser-coding-1";

    private async Task SeedAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        if (await db.Statements.AnyAsync(s => s.PublicId == Id, TestContext.Current.CancellationToken)) return;
        var reasons = await db.Reasons.ToListAsync(TestContext.Current.CancellationToken);
        if (!await db.CodebookVersions.AnyAsync(TestContext.Current.CancellationToken))
            db.CodebookVersions.Add(new CodebookVersion
            {
                Number = 1, Dated = new DateOnly(2026, 11, 1), ChangeNote = "Synthetic codebook version for tests.",
                CodesJson = CodebookCode.Serialize(reasons.Select(CodebookCode.Of)), RecordedAt = ArchiveFactory.Today, RecordedBy = "test",
            });
        var source = new Source
        {
            Key = "synthetic-browser-source", Title = "Synthetic Source for Browser Tests", Publisher = "Test Publisher",
            Published = PartialDate.Parse("2020"),
        };
        db.Statements.Add(new Statement
        {
            PublicId = Id, Source = source,
            Speaker = await db.Speakers.OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken),
            Position = 1, Kind = StatementKind.Quotation,
            Text = "Synthetic statement 1: I left because the promises were lies and the fighting was between brothers.",
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<IPage> LogInAsync(string email, string role)
    {
        await AdminSession.CreateMaintainerAsync(browser.Factory, email, AdminSession.Password, role);
        var options = browser.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        var page = await (await browser.Browser.NewContextAsync(options)).NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AdminSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maintainers" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task TwoCodersAndAnEditorOnAccessiblePages()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await SeedAsync();
        var first = await LogInAsync("browser-coder-1@example.org", MaintainerRoles.Coder);
        await CheckAsync(first, "/admin");
        await CheckAsync(first, "/admin/coding");
        await CheckAsync(first, $"/admin/coding/{Id}");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save my coding" }).ClickAsync();
        await Assertions.Expect(first.Locator("#choice-problem")).ToContainTextAsync("Nothing was chosen");
        await CheckAsync(first, null);
        var checkbox = first.Locator("input[name=reasons]").First;
        await checkbox.CheckAsync();
        var slug = await checkbox.GetAttributeAsync("value");
        await first.Locator($"select[name=confidence-{slug}]").SelectOptionAsync("certain");
        await first.Locator($"input[name=words-{slug}]").FillAsync("the promises were lies");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save my coding" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Your coding was saved");
        await CheckAsync(first, null);
        await CheckAsync(first, "/admin/accounts"); // the 403 page

        var second = await LogInAsync("browser-coder-2@example.org", MaintainerRoles.Coder);
        await second.GotoAsync($"/admin/coding/{Id}");
        await second.GetByLabel("None of these reasons applies").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save my coding" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Your coding was saved");

        var editor = await LogInAsync("browser-editor@example.org", MaintainerRoles.Administrator);
        await CheckAsync(editor, "/admin");
        await CheckAsync(editor, "/admin/accounts");
        await CheckAsync(editor, "/admin/coding/disagreements");
        await editor.GetByRole(AriaRole.Link, new() { Name = $"Decide on {Id}" }).ClickAsync();
        await CheckAsync(editor, null);
        await editor.Locator("form.admin-form input[name=reasons]").First.CheckAsync();
        await editor.GetByLabel("Why (required").FillAsync("Synthetic decision: the words say it.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("The decision was saved");
        await CheckAsync(editor, null);
        await CheckAsync(editor, $"/admin/coding/{Id}/history");
        await Assertions.Expect(editor.Locator(".coding-history > li")).ToHaveCountAsync(3);
    }

    /// <summary>Opens <paramref name="path"/> (or stays on the page), then axe, one h1, and no sideways scrolling at 390 px.</summary>
    private static async Task CheckAsync(IPage page, string? path)
    {
        if (path is not null) await page.GotoAsync(path);
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"),
            $"{page.Url} is wider than a phone screen");
    }
}
