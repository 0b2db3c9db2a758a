namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// A folder of tests/ holding a Node.js check with its packages pinned in a package-lock.json (citation-check, html-check):
/// installed with <c>npm ci</c> on first use, once however many tests ask at the same time, and its scripts run there.
/// </summary>
public sealed class NodeCheck(string folderName, string installedMarker)
{
    private readonly string _folder = Path.Combine(RepositoryPaths.Root, "tests", folderName);
    // One lock for every folder: installs are rare, and one at a time is kind to npm's cache.
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static bool NodeInstalled { get; } = OnPath("node") && OnPath("npm");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs <c>node</c> with the arguments in the folder, its packages installed first.</summary>
    public async Task<(int ExitCode, string Output, string Error)> NodeAsync(params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await RunAsync("node", arguments);
    }

    private async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Directory.Exists(Path.Combine(_folder, "node_modules", installedMarker))) return;
            var (exitCode, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            Assert.True(exitCode == 0, $"npm ci in tests/{folderName} failed: {output}{error}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments)
    {
        using var process = ChildProcess.Start(program, arguments, _folder);
        return await ChildProcess.RunToExitAsync(process, TimeSpan.FromMinutes(3));
    }
}
