using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

/// <summary>
/// docs/deployment.md's set-up, for real: tests/deploy/two-instances.sh starts PostgreSQL, two published
/// instances and nginx on localhost, logs in on one instance and acts on the other through the proxy,
/// and stops everything. Skipped where PostgreSQL's server programs or nginx are not installed.
/// </summary>
public class DeploymentTests
{
    [Fact]
    public async Task TwoInstancesBehindNginxShareSessionsAndTheArchive()
    {
        var postgresInstalled = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any();
        var nginxInstalled = File.Exists("/usr/sbin/nginx") || File.Exists("/usr/bin/nginx");
        if (!postgresInstalled || !nginxInstalled)
        {
            if (Environment.GetEnvironmentVariable("TESTIMONIES_REQUIRE_POSTGRES") is { Length: > 0 })
                Assert.Fail("The deployment test needs PostgreSQL and nginx here (.ci/run installs them).");
            Assert.Skip("skipped: PostgreSQL or nginx not installed");
        }

        using var process = ChildProcess.Start("bash", [Path.Combine(RepositoryPaths.Root, "tests", "deploy", "two-instances.sh")],
            RepositoryPaths.Root);
        var (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromMinutes(5));
        var log = output + error;
        Assert.True(exitCode == 0, log);
        Assert.Contains("PASS: two instances behind nginx", log, StringComparison.Ordinal);
    }
}
