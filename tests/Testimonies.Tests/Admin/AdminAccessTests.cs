using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Admin;

/// <summary>Who may reach the admin area, and how the maintainer's session is protected.</summary>
public class AdminAccessTests : IDisposable
{
    private readonly ArchiveFactory _factory;

    public AdminAccessTests() : this(TestStore.Sqlite) { }

    /// <summary>
    /// The same tests on another engine (Postgres/OnPostgres.cs); the tests that build sites of their own stay on SQLite.
    /// </summary>
    protected AdminAccessTests(TestStore store) => _factory = new ArchiveFactory(store: store);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Every admin address, with example values; a test below fails when a route is added without being listed here.</summary>
    public static readonly string[] AdminUrls =
    [
        "/admin", "/admin/import", "/admin/import/1", "/admin/import/template/statements.csv", "/admin/logout",
        "/admin/statements", "/admin/statements/new", "/admin/statements/csis16-04", "/admin/statements/csis16-04/history",
        "/admin/speakers", "/admin/speakers/abu-ibrahim", "/admin/sources", "/admin/sources/csis-2016-ch9", "/admin/reasons",
        "/admin/reasons/infighting", "/admin/accounts", "/admin/coding", "/admin/coding/csis16-04", "/admin/coding/disagreements",
        "/admin/coding/csis16-04/decide", "/admin/coding/csis16-04/history", "/admin/import/templates", "/admin/data-format",
        "/admin/reports", "/admin/reports/1",
        "/admin/sets", "/admin/sets/new", "/admin/sets/1",
    ];

    /// <summary>The role each admin address needs (MaintainerRoles); absent: any signed-in account.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleNeeded = new Dictionary<string, string>
    {
        ["/admin/import"] = MaintainerRoles.Editor, ["/admin/import/1"] = MaintainerRoles.Editor,
        ["/admin/import/template/statements.csv"] = MaintainerRoles.Editor,
        ["/admin/statements"] = MaintainerRoles.Editor, ["/admin/statements/new"] = MaintainerRoles.Editor,
        ["/admin/statements/csis16-04"] = MaintainerRoles.Editor, ["/admin/statements/csis16-04/history"] = MaintainerRoles.Editor,
        ["/admin/speakers"] = MaintainerRoles.Editor, ["/admin/speakers/abu-ibrahim"] = MaintainerRoles.Editor,
        ["/admin/sources"] = MaintainerRoles.Editor, ["/admin/sources/csis-2016-ch9"] = MaintainerRoles.Editor,
        ["/admin/reasons"] = MaintainerRoles.Editor, ["/admin/reasons/infighting"] = MaintainerRoles.Editor,
        ["/admin/accounts"] = MaintainerRoles.Administrator,
        ["/admin/coding"] = MaintainerRoles.Coder, ["/admin/coding/csis16-04"] = MaintainerRoles.Coder,
        ["/admin/coding/disagreements"] = MaintainerRoles.Editor, ["/admin/coding/csis16-04/decide"] = MaintainerRoles.Editor,
        ["/admin/coding/csis16-04/history"] = MaintainerRoles.Editor,
        ["/admin/import/templates"] = MaintainerRoles.Editor, ["/admin/data-format"] = MaintainerRoles.Editor,
        ["/admin/reports"] = MaintainerRoles.Editor, ["/admin/reports/1"] = MaintainerRoles.Editor,
        ["/admin/sets"] = MaintainerRoles.Editor, ["/admin/sets/new"] = MaintainerRoles.Editor, ["/admin/sets/1"] = MaintainerRoles.Editor,
    };

    /// <summary>Each kind of account: none (an account without a role), coder, editor, administrator.</summary>
    public static TheoryData<string> Roles() => ["none", .. MaintainerRoles.All];

    private static bool Allowed(string role, string url) =>
        !RoleNeeded.TryGetValue(url, out var needed) || (role != "none" && MaintainerRoles.HeldBy[needed].Contains(role));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleReachesExactlyItsPagesAndIsToldWhyElsewhere(string role)
    {
        var client = await AdminSession.LoggedInAsAsync(_factory, $"{role}@example.org", role == "none" ? null : role);
        foreach (var url in AdminUrls.Where(u => u != "/admin/logout"))
        {
            var (response, page) = await Html.GetAsync(client, url);
            if (Allowed(role, url))
            {
                // No import, problem report or curated set exists on this site, so their pages are the only ones not found.
                Assert.True(response.StatusCode == (url is "/admin/import/1" or "/admin/reports/1" or "/admin/sets/1"
                    ? HttpStatusCode.NotFound : HttpStatusCode.OK),
                    $"{role}: GET {url} {(int)response.StatusCode}");
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: GET {url} answered {(int)response.StatusCode}");
            Assert.Contains("Not open to your account", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRolesPostsWithAValidTokenAreRefusedWhereItsRoleDoesNotReach(string role)
    {
        var client = await AdminSession.LoggedInAsAsync(_factory, $"{role}@example.org", role == "none" ? null : role);
        var token = await AdminSession.TokenAsync(client, "/admin");
        foreach (var url in AdminUrls.Where(u => u != "/admin/logout"))
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
            }), TestContext.Current.CancellationToken);
            if (Allowed(role, url))
                Assert.False(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?
                    .OriginalString.Contains("login", StringComparison.Ordinal) != false, $"{role}: POST {url} {(int)response.StatusCode}");
            // 405: a page without a form refuses every POST before anyone is asked who they are.
            else Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed,
                $"{role}: POST {url} answered {(int)response.StatusCode}");
        }
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Testimonies.Web.Archive.ArchiveDbContext>();
        Assert.Empty(db.Imports);
        Assert.Empty(db.Codings.Where(c => c.Origin != "load")); // data/'s first coding is all there is
        Assert.Empty(db.CodingDecisions);
    }

    [Fact]
    public async Task AnAccountWithoutARoleIsToldToAskAnAdministrator()
    {
        var client = await AdminSession.LoggedInAsAsync(_factory, "nobody-yet@example.org", null);
        var (response, page) = await Html.GetAsync(client, "/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no role yet", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".admin-actions a"));
    }

    [Fact]
    public async Task ACodersHomeOffersOnlyTheQueue()
    {
        var client = await AdminSession.LoggedInAsAsync(_factory, "coder@example.org", MaintainerRoles.Coder);
        var (_, page) = await Html.GetAsync(client, "/admin");
        Assert.Equal(["/admin/coding"], page.QuerySelectorAll(".admin-actions a").Select(a => a.GetAttribute("href")!));
        Assert.Null(page.QuerySelector("table"));
    }

    public static TheoryData<string> AdminUrlData() => [.. AdminUrls];

    [Theory]
    [MemberData(nameof(AdminUrlData))]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage(string url)
    {
        var response = await AdminSession.NewClient(_factory).GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/admin/login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminUrlData))]
    public async Task AnAnonymousPostIsRefusedToo(string url)
    {
        var response = await AdminSession.NewClient(_factory)
            .PostAsync(url, new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest
                or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
            $"POST {url} answered {(int)response.StatusCode}");
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public void EveryAdminRouteRequiresAMaintainerAndIsListed()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern == "admin/login")
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }
            Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(), $"{pattern} does not require a maintainer");
            var segments = pattern.Split('/').Length;
            var prefix = pattern.Split('{')[0].TrimEnd('/');
            Assert.Contains(AdminUrls,
                url => url.TrimStart('/').Split('/').Length == segments && url.TrimStart('/').StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheLoginFormWithoutItsAntiforgeryTokenIsRefused()
    {
        var client = AdminSession.NewClient(_factory);
        var response = await client.PostAsync("/admin/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.org", ["Password"] = "whatever it is" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AMaintainersPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = await AdminSession.LoggedInAsync(_factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("id\n"u8.ToArray()), "files", "statements.csv" } };
        var response = await client.PostAsync("/admin/import", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<Testimonies.Web.Archive.ArchiveDbContext>().Imports);
    }

    [Fact]
    public async Task LoggingInSetsASecureHostOnlyCookieAndOpensTheAdminArea()
    {
        await AdminSession.CreateMaintainerAsync(_factory);
        var client = AdminSession.NewClient(_factory);
        var response = await AdminSession.LogInAsync(client, AdminSession.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-testimonies=", StringComparison.Ordinal))
            .ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);

        var admin = await client.GetAsync("/admin", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("no-store", admin.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhetherTheAddressExists()
    {
        await AdminSession.CreateMaintainerAsync(_factory);
        var client = AdminSession.NewClient(_factory);
        var wrong = await AdminSession.LogInAsync(client, AdminSession.Email, "not the password at all");
        var unknown = await AdminSession.LogInAsync(client, "nobody@example.org", "not the password at all");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var message = (await Html.ParseAsync(wrong)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Equal(message, (await Html.ParseAsync(unknown)).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task SixWrongPasswordsLockTheAccount()
    {
        await AdminSession.CreateMaintainerAsync(_factory);
        var client = AdminSession.NewClient(_factory);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++) last = await AdminSession.LogInAsync(client, AdminSession.Email, $"wrong password number {i}");
        Assert.Contains("locked", (await Html.ParseAsync(last)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        // Even the right password is refused while the lockout lasts.
        var right = await AdminSession.LogInAsync(client, AdminSession.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task LoggingOutEndsTheSessionEvenForACopiedCookie()
    {
        var client = await AdminSession.LoggedInAsync(_factory);
        var copied = AdminSession.NewClient(_factory);
        // A second browser logged in with the same account stands for a stolen copy of the cookie.
        Assert.Equal(HttpStatusCode.Redirect,
            (await AdminSession.LogInAsync(copied, AdminSession.Email, AdminSession.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);

        var logout = await AdminSession.PostFormAsync(client, "/admin/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/admin/login?loggedOut=1", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await copied.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    // Regression: the log-out button on /admin posted without an antiforgery token (an explicit action attribute keeps the
    // form tag helper from adding one), so it answered 400 and the maintainer stayed logged in.
    [Fact]
    public async Task TheLogOutButtonOnTheAdminHomeLogsOut()
    {
        var client = await AdminSession.LoggedInAsync(_factory);
        var (_, home) = await Html.GetAsync(client, "/admin");
        var form = home.QuerySelector("form[action='/admin/logout']")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        var logout = await client.PostAsync("/admin/logout", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.Equal("/admin/login?loggedOut=1", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        // The page the button leads to says what happened.
        var (_, login) = await Html.GetAsync(client, "/admin/login?loggedOut=1");
        Assert.Contains("You are logged out", login.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var (_, plain) = await Html.GetAsync(client, "/admin/login");
        Assert.Null(plain.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task ManyLoginAttemptsFromOneAddressAreSlowedDown()
    {
        using var factory = new LimitedLoginFactory();
        var client = AdminSession.NewClient(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await AdminSession.LogInAsync(client, "someone@example.org", "some password here")).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests], statuses);
        // Reading the login page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/login", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task OverPlainHttpTheAdminPagesSayTheyNeedHttps()
    {
        var response = await _factory.CreateClient(new() { AllowAutoRedirect = false })
            .GetAsync("/admin/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only over HTTPS", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAProxyThatEndsTlsTheForwardedSchemeCounts()
    {
        using var factory = new ProxiedFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false })
            .SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ASessionSurvivesARestartOfTheSite()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-restart-");
        try
        {
            string cookie;
            using (var before = new SharedDatabaseFactory(folder.FullName))
            {
                await AdminSession.CreateMaintainerAsync(before);
                var login = await AdminSession.LogInAsync(AdminSession.NewClient(before), AdminSession.Email, AdminSession.Password);
                cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-testimonies=", StringComparison.Ordinal))
                    .Split(';')[0];
            }
            // A new process on the same store: the keys that protect the cookie come from the store, not from memory.
            using var after = new SharedDatabaseFactory(folder.FullName);
            var client = after.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false,
                HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed class SharedDatabaseFactory(string folder) : ArchiveFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Testimonies", $"Data Source={Path.Combine(folder, "shared.db")}");
        }
    }

    private sealed class ProxiedFactory : ArchiveFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true"); // what ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets
        }
    }

    private sealed class LimitedLoginFactory : ArchiveFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Admin:LoginAttemptsPerMinute", "3");
        }
    }
}
