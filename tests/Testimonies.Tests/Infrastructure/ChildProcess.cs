using System.Diagnostics;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// Programs the tests run as processes: the site itself, the deployment script, Node. Each gets its own
/// stdin and its output read here: the test process's stdin and stdout are xunit's channel to its runner.
/// </summary>
public static class ChildProcess
{
    /// <summary>The web project's own build output, in the same configuration as these tests.</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            return Path.Combine(RepositoryPaths.WebProject, "bin", configuration, "net10.0", "Testimonies.Web.dll");
        }
    }

    public static Process Start(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The site as an operator starts it, in Production, on a free port of 127.0.0.1.</summary>
    public static Process StartSite(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null) =>
        Start("dotnet", [WebAssembly, "--urls", "http://127.0.0.1:0"], workingDirectory ?? RepositoryPaths.WebProject,
            new Dictionary<string, string>(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

    /// <summary>Waits for the process to end; past <paramref name="limit"/> it is killed and a TimeoutException says so.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(Process process, TimeSpan limit)
    {
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not stop "
                + $"within {limit}.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Reads the site's output until it says where it listens, it stops, or a minute passes: the address
    /// (null if it never listened) and everything it printed, with its errors if it stopped.
    /// </summary>
    public static async Task<(string? Address, string Output)> WaitUntilListeningAsync(Process process)
    {
        const string Listening = "Now listening on: ";
        var output = new System.Text.StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                var at = line.IndexOf(Listening, StringComparison.Ordinal);
                if (at >= 0) return (line[(at + Listening.Length)..].Trim(), output.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            output.AppendLine("(no answer within a minute)");
        }
        if (process.HasExited) output.AppendLine(await errors);
        return (null, output.ToString());
    }
}
