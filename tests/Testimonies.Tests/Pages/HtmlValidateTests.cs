using Testimonies.Tests.Browser;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Pages;

/// <summary>
/// Every page type's HTML, public and admin, passes html-validate (tests/html-check) with no error, beside axe
/// (Browser/BrowsingTests): one run of the validator over all the pages, fetched through the test server.
/// </summary>
public sealed class HtmlValidateTests : IDisposable
{
    /// <summary>Admin page types, seen by a logged-in administrator: login is in the public list.</summary>
    public static readonly string[] AdminPageTypes =
    [
        "/admin", "/admin/import", "/admin/statements", "/admin/statements/csis16-04", "/admin/statements/new",
        "/admin/speakers/abu-ibrahim", "/admin/sources/csis-2016-ch9", "/admin/reasons/infighting",
        "/admin/coding", "/admin/coding/csis16-04", "/admin/coding/disagreements", "/admin/accounts",
        "/admin/statements/csis16-04/history", "/admin/coding/csis16-04/history",
        "/admin/sets", "/admin/sets/new",
    ];

    private readonly ArchiveFactory _factory = new();

    [Fact]
    public async Task EveryPageTypeHasNoHtmlValidateErrors()
    {
        Assert.SkipUnless(CitationJs.NodeInstalled, HtmlValidate.SkipReason);
        var pages = new Dictionary<string, string>();
        using var reader = AdminSession.NewClient(_factory); // HTTPS, as the admin pages need
        foreach (var path in BrowsingTests.PageTypes().Select(row => row.Data)) await AddAsync(reader, path);
        using var maintainer = await AdminSession.LoggedInAsync(_factory);
        foreach (var path in AdminPageTypes) await AddAsync(maintainer, path);

        var errors = await HtmlValidate.ErrorsAsync(pages);

        Assert.True(errors.Length == 0, $"html-validate: {errors.Length} errors\n{string.Join('\n', errors)}");

        async Task AddAsync(HttpClient client, string path)
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html",
                $"GET {path}: {(int)response.StatusCode}, not HTML");
            var name = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            pages[$"{pages.Count:D2}{name}"] = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _factory.Dispose();
}
