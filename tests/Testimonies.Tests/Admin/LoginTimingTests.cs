using System.Diagnostics;
using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Admin;

/// <summary>
/// The login does not tell which addresses have accounts: an unknown address costs a password hash like a
/// real one, and a wrong address, a wrong password and a locked account get the same words.
/// </summary>
public class LoginTimingTests : IDisposable
{
    private const int Tries = 6;
    private readonly Lazy<ArchiveFactory> _factory;

    protected virtual TestStore Store => TestStore.Sqlite;

    public LoginTimingTests() => _factory = new(() =>
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
        // Many attempts in a minute from one address; the rate limit is not what these tests are about.
        return new ConfiguredFactory(Store, new Dictionary<string, string> { ["Admin:LoginAttemptsPerMinute"] = "1000" })
        {
            PasswordHashIterations = null, // the site's own cost, which these tests measure
        };
    });

    private static async Task<(TimeSpan Time, string Message, HttpStatusCode Status)> TryAsync(HttpClient client, string email,
        string password)
    {
        var token = await AdminSession.TokenAsync(client, "/admin/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/admin/login", form, TestContext.Current.CancellationToken);
        var time = watch.Elapsed;
        var message = (await Html.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
        return (time, message, response.StatusCode);
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    [Fact]
    public async Task AnUnknownAddressCostsAboutAsMuchAsAWrongPassword()
    {
        var factory = _factory.Value;
        await AdminSession.CreateMaintainerAsync(factory);
        using var client = AdminSession.NewClient(factory);
        await TryAsync(client, "warm-up@example.org", "a password to warm up with"); // first-use costs (JIT, the page)
        List<TimeSpan> known = [], unknown = [];
        // Interleaved, and fewer than five wrong passwords, so the account is not locked on the way.
        for (var i = 0; i < 4; i++)
        {
            known.Add((await TryAsync(client, AdminSession.Email, $"wrong password number {i}")).Time);
            unknown.Add((await TryAsync(client, $"nobody{i}@example.org", $"wrong password number {i}")).Time);
        }
        var (k, u) = (Median(known), Median(unknown));
        Assert.True(u * 3 > k && k * 3 > u, $"known address, wrong password: {k.TotalMilliseconds:F0} ms; " +
            $"unknown address: {u.TotalMilliseconds:F0} ms (medians of {known.Count})");
    }

    [Fact]
    public async Task ALockedAccountGetsTheSameWordsAndTheSameCostAsAnUnknownAddress()
    {
        var factory = _factory.Value;
        await AdminSession.CreateMaintainerAsync(factory);
        using var client = AdminSession.NewClient(factory);
        var wrong = await TryAsync(client, AdminSession.Email, "the first wrong password");
        var unknown = await TryAsync(client, "nobody@example.org", "the first wrong password");
        for (var i = 0; i < 5; i++) await TryAsync(client, AdminSession.Email, $"wrong password number {i}");

        List<TimeSpan> locked = [], stranger = [];
        for (var i = 0; i < Tries; i++)
        {
            // The right password of a locked account is still refused, in the same words as everything else.
            var attempt = await TryAsync(client, AdminSession.Email, AdminSession.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.Status);
            Assert.Equal(unknown.Message, attempt.Message);
            locked.Add(attempt.Time);
            stranger.Add((await TryAsync(client, $"nobody{i}@example.org", AdminSession.Password)).Time);
        }
        Assert.Equal(unknown.Message, wrong.Message);
        Assert.Contains("locked", unknown.Message, StringComparison.Ordinal);
        var (l, s) = (Median(locked), Median(stranger));
        Assert.True(l * 3 > s && s * 3 > l, $"locked account: {l.TotalMilliseconds:F0} ms; unknown address: {s.TotalMilliseconds:F0} ms");
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated) _factory.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
