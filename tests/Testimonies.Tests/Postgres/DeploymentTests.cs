using System.Diagnostics;
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

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tests", "deploy", "two-instances.sh")])
        {
            RedirectStandardInput = true, // its own stdin: the test process's is xunit's channel
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var log = await output + await error;
        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("PASS: two instances behind nginx", log, StringComparison.Ordinal);
    }
}
