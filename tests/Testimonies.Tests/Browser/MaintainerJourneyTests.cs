using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Browser;

/// <summary>A maintainer in a real browser: log in, upload a file, read the preview, confirm, and find the statement in public.</summary>
public sealed class MaintainerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LogInUploadPreviewConfirmAndTheNewStatementIsPublicAndSearchable()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await AdminSession.CreateMaintainerAsync(browser.Factory);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/admin/import");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
        await page.GetByLabel("Email address").FillAsync(AdminSession.Email);
        await page.GetByLabel("Password").FillAsync(AdminSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import statements" })).ToBeVisibleAsync();
        await NoAxeViolationsAsync(page);

        var csv = "id,source,position,speaker,kind,text,reasons\n"
            + "browser-0001,test-untexted,140,indian-fighter,quotation,Synthetic words uploaded from a browser,boredom\n";
        // Made-up words, so a made-up source without a stored text (the chapter's words must stand in its text).
        var sources = "key,title,publisher,published,notes\n"
            + "test-untexted,Synthetic Source Without a Stored Text,Test Publisher,2020,Generated for tests; not a real publication.\n";
        await page.GetByLabel("Files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "sources.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(sources) },
            new FilePayload { Name = "statements.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("statements: 1 created, 0 updated, 0 unchanged");
        await NoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply this import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The import was applied");

        await page.GotoAsync("/search?q=uploaded+browser");
        await page.Locator(".results a[href='/s/browser-0001']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/s/browser-0001$"));
        await Assertions.Expect(page.Locator(".statement-text")).ToHaveTextAsync("Synthetic words uploaded from a browser");

        // The editing form, with a problem marked, is accessible too.
        await page.GotoAsync("/admin/statements/browser-0001");
        await page.GetByLabel("Words (required)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToContainTextAsync("required");
        await NoAxeViolationsAsync(page);

        // The admin area's other page types: the overview with its navigation, the templates, the data format, another form.
        foreach (var url in new[] { "/admin", "/admin/import/templates", "/admin/data-format", "/admin/speakers/indian-fighter" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("nav.admin-nav")).ToBeVisibleAsync();
            await NoAxeViolationsAsync(page);
        }

        // On a phone, no admin page scrolls sideways (the data format's and the templates' tables wrap).
        await page.SetViewportSizeAsync(390, 800);
        foreach (var url in new[] { "/admin", "/admin/import/templates", "/admin/data-format", "/admin/statements/browser-0001" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, $"{url} is wider than 390 px");
        }

        // An upload's problems, as an alert.
        await page.GotoAsync("/admin/import");
        await page.GetByLabel("Files").SetInputFilesAsync(new FilePayload
        {
            Name = "statements.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "id,source,position,speaker,kind,text\nbrowser-0002,nowhere,1,nobody,quote,Synthetic\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was changed");
        await NoAxeViolationsAsync(page);

        // A reader reports a problem from the statement's page (a refused form first), and the editor works the queue.
        await page.GotoAsync("/s/browser-0001");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this statement" }).ClickAsync();
        await page.GetByLabel("Describe the problem (required)").FillAsync("Synthetic report from a browser.");
        await page.Locator("form.report-form").EvaluateAsync("form => form.noValidate = true"); // the server's own refusal
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kind-problem")).ToContainTextAsync("Choose what is wrong");
        await NoAxeViolationsAsync(page);
        await page.GetByLabel("The words (they differ from the source)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your report" })).ToBeVisibleAsync();
        await page.GotoAsync("/admin/reports");
        await NoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Report 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".report-description")).ToHaveTextAsync("Synthetic report from a browser.");
        await NoAxeViolationsAsync(page);
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("declined");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Synthetic: the source bears the words out.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await NoAxeViolationsAsync(page);

        // An editor publishes a curated set (a refused form first); its public page passes axe too.
        await page.GotoAsync("/admin/sets");
        await NoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New curated set" }).ClickAsync();
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("synthetic-browser-set");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Synthetic browser set");
        await page.GetByLabel("Statements, in order").FillAsync("browser-0001, no-such-statement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ids-problem")).ToContainTextAsync("no-such-statement is not a published statement");
        await NoAxeViolationsAsync(page);
        await page.GetByLabel("Statements, in order").FillAsync("browser-0001, csis16-03");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Published" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await NoAxeViolationsAsync(page);
        await page.GotoAsync("/sets/synthetic-browser-set");
        await Assertions.Expect(page.Locator(".set-statements article.statement-card")).ToHaveCountAsync(2);
        await NoAxeViolationsAsync(page);
    }

    private static async Task NoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
    }
}
