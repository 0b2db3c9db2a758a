using System.Text;
using Microsoft.AspNetCore.Identity;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Maintainers;

/// <summary>
/// The command-line side of maintenance, run instead of the web server:
/// <c>create-admin --email &lt;address&gt;</c> and <c>import &lt;file&gt;… [--dry-run]</c>.
/// </summary>
public static class MaintainerCommands
{
    public const string PasswordVariable = "TESTIMONIES_ADMIN_PASSWORD";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "import";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(scope.ServiceProvider, args[1..], input, output, error),
            _ => await ImportAsync(scope.ServiceProvider, args[1..], output, error),
        };
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output,
        TextWriter error)
    {
        var at = Array.IndexOf(args, "--email");
        if (at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: create-admin --email <address>   " +
                "(the password is read from standard input, or from " + PasswordVariable +
                " when standard input is not a terminal)");
            return 2;
        }
        var email = args[at + 1].Trim();
        var users = services.GetRequiredService<UserManager<Maintainer>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"A maintainer with the address {email} already exists; nothing was changed.");
            return 1;
        }

        var password = ReadPassword(input, output);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given. Type it when asked, pipe it to standard input, or set {PasswordVariable}.");
            return 2;
        }
        var maintainer = new Maintainer { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(maintainer, password);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors) await error.WriteLineAsync(Explain(problem, email));
            await error.WriteLineAsync("No maintainer was created.");
            return 1;
        }
        await output.WriteLineAsync($"Created the maintainer {email}. Log in at /admin/login.");
        return 0;
    }

    private static string Explain(IdentityError problem, string email) => problem.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            $"The password is too weak: it needs at least {MaintainerSetup.MinimumPasswordLength} characters. " +
            $"A few unrelated words make a good one; any characters may be used, and long passwords are welcome.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            $"A maintainer with the address {email} already exists.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            $"“{email}” is not an email address.",
        _ => problem.Description,
    };

    /// <summary>From the terminal without echo; otherwise from the environment variable, or the first line of standard input.</summary>
    private static string? ReadPassword(TextReader input, TextWriter output)
    {
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            output.Write($"Password (at least {MaintainerSetup.MinimumPasswordLength} characters): ");
            var password = new StringBuilder();
            while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
            {
                if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
                else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
            }
            output.WriteLine();
            return password.ToString();
        }
        return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : input.ReadLine();
    }

    /// <summary>The import command's exit code when another import holds the writer lock (README, command line).</summary>
    public const int BusyExitCode = 3;

    private static async Task<int> ImportAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var dryRun = args.Contains("--dry-run");
        var paths = args.Where(a => a != "--dry-run").ToList();
        if (paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
        {
            await error.WriteLineAsync("Usage: import <file> [<file>…] [--dry-run]   " +
                "(CSV files named after their table, or JSON; see docs/data-format.md)");
            return 2;
        }
        var files = new List<ImportFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"{path}: no such file; nothing was written.");
                return 1;
            }
            files.Add(new ImportFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }

        var importer = services.GetRequiredService<Importer>();
        var result = await importer.ImportFilesAsync(files, $"command line ({Environment.UserName})", dryRun, CancellationToken.None);
        if (result.Outcome is { } outcome)
        {
            await output.WriteLineAsync(dryRun
                ? $"Dry run, nothing was written. Importing would change: {outcome.Summary}."
                : $"Imported {string.Join(", ", files.Select(f => f.Name))}: {outcome.Summary}.");
            return 0;
        }
        if (result.Refusal == ImportRefusal.Busy)
        {
            await error.WriteLineAsync(ImportGate.BusyMessage);
            return BusyExitCode;
        }
        var problems = result.Problems;
        await error.WriteLineAsync(
            $"The file could not be imported ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")}); nothing was written:");
        foreach (var problem in problems) await error.WriteLineAsync("  " + problem);
        return 1;
    }
}
