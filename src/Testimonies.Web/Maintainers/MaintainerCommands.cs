using System.Text;
using Microsoft.AspNetCore.Identity;
using Testimonies.Web.Importing;

namespace Testimonies.Web.Maintainers;

/// <summary>
/// The command-line side of maintenance, run instead of the web server:
/// <c>create-admin --email &lt;address&gt; [--role &lt;role&gt;]</c>, <c>set-role --email &lt;address&gt; --role &lt;role&gt;</c>
/// <c>import &lt;file&gt;… [--dry-run]</c>, and the operator's <c>backup &lt;file&gt;</c> and <c>verify</c>. What the
/// arguments ask for is decided before the host is built: a first argument that is not an option names a command;
/// without one the server starts.
/// </summary>
public static class MaintainerCommands
{
    public const string PasswordVariable = "TESTIMONIES_ADMIN_PASSWORD";

    /// <summary>The commands, one line each, and the exit codes: printed by --help and for anything not understood.</summary>
    public const string Commands = """
        Usage: Testimonies.Web [<command>] [<options>]   (from the repository: dotnet run --project src/Testimonies.Web -- …)
        Commands:
          (none)                          serve the site; host options such as --urls http://localhost:5089, --environment
          create-admin --email <address> [--role coder|editor|administrator]
                                          create a maintainer (an administrator unless --role says otherwise); the password
                                          from the terminal, standard input or TESTIMONIES_ADMIN_PASSWORD
          set-role --email <address> --role coder|editor|administrator
                                          change a maintainer's role (coders code; editors also decide, edit and import;
                                          administrators also manage accounts)
          import <file>… [--dry-run]      import CSV or JSON files, with the .txt files of sources' texts they name
                                          (docs/data-format.md); --dry-run checks and previews, writes nothing
          backup <file>                   copy a SQLite archive to a new file, consistent while the site serves
          verify                          check the database, the source texts' hashes, every anchor and the search
                                          index; exit 1 when it finds a problem (docs/deployment.md)
          help, --help                    print this list
        Exit codes: 0 done, 1 refused (why, on standard error), 2 wrong usage, 3 another import is running.
        """;

    // Options the web host reads itself (ASP.NET Core's host settings); any other setting is a configuration path (Archive:DataPath).
    private static readonly HashSet<string> HostOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "webroot", "applicationName", "http_ports", "https_ports", "AllowedHosts",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup", "detailedErrors",
        "captureStartupErrors", "shutdownTimeoutSeconds", "suppressStatusMessages", "pathBase",
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "set-role" or "import"
        or "backup" or "verify";

    /// <summary>
    /// Decides from the arguments alone, before anything starts: the exit code when the process ends here (--help: 0; an unknown
    /// command, option or argument: 2, with the list of commands), or null to go on to a command or the server.
    /// </summary>
    public static int? Preflight(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || IsCommand(args)) return null;
        if (args[0] is "help" or "--help" or "-h" or "-?")
        {
            output.WriteLine(Commands);
            return 0;
        }
        if (!args[0].StartsWith('-')) return WrongUsage(error, $"unknown command “{args[0]}”.");
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-')) return WrongUsage(error, $"unexpected argument “{args[i]}”; a command comes first.");
            var name = args[i].TrimStart('-').Split('=', 2)[0];
            if (name is "help" or "h" or "?")
            {
                output.WriteLine(Commands);
                return 0;
            }
            // --key=value sets any setting (the test host passes its settings so); --key value only a host option or a path.
            if (args[i].Contains('=', StringComparison.Ordinal)) continue;
            if (!IsSetting(name)) return WrongUsage(error, $"unknown option “{args[i]}”.");
            i++; // its value
        }
        return null;
    }

    /// <summary>
    /// What the host reads of a command's arguments: its settings (<c>--key=value</c>, or a host option or configuration
    /// path and its value), not the command, its own options or its files. Otherwise .NET's command-line settings read an
    /// absolute path (<c>/tmp/copy.db</c>) as a key and take the next argument as its value.
    /// </summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? [.. Split(args).Host] : args;

    /// <summary>A command's own arguments, the command first, without the settings the host reads.</summary>
    private static string[] OwnArguments(string[] args) => IsCommand(args) ? [.. Split(args).Own] : args;

    private static (List<string> Host, List<string> Own) Split(string[] args)
    {
        var (host, own) = (new List<string>(), new List<string>());
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..].Split('=', 2)[0] : null;
            if (name is null || !IsSetting(name)) own.Add(args[i]);
            else if (args[i].Contains('=', StringComparison.Ordinal)) host.Add(args[i]);
            else if (i + 1 < args.Length) host.AddRange([args[i], args[++i]]);
            else own.Add(args[i]);
        }
        return (host, own);
    }

    /// <summary>A host option (--urls) or a configuration path (--Archive:DataPath, --Archive__DataPath): the host reads it.</summary>
    private static bool IsSetting(string name) => HostOptions.Contains(name) || name.Contains(':', StringComparison.Ordinal)
        || name.Contains("__", StringComparison.Ordinal);

    private static int WrongUsage(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(Commands);
        return 2;
    }

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        args = OwnArguments(args);
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(scope.ServiceProvider, args[1..], input, output, error),
            "set-role" => await SetRoleAsync(scope.ServiceProvider, args[1..], output, error),
            "backup" => await Operations.OperatorCommands.BackupAsync(scope.ServiceProvider, args[1..], output, error),
            "verify" => await Operations.OperatorCommands.VerifyAsync(scope.ServiceProvider, args[1..], output, error),
            _ => await ImportAsync(scope.ServiceProvider, args[1..], output, error),
        };
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output,
        TextWriter error)
    {
        if (UnknownOption(args, "--email", "--role") is { } unknown)
            return WrongUsage(error, $"unknown option “{unknown}” of create-admin.");
        var email = OptionValue(args, "--email");
        if (email is null)
        {
            await error.WriteLineAsync("Usage: create-admin --email <address> [--role coder|editor|administrator]   " +
                "(the password is read from standard input, or from " + PasswordVariable +
                " when standard input is not a terminal)");
            return 2;
        }
        var role = args.Contains("--role") ? OptionValue(args, "--role") : MaintainerRoles.Administrator;
        if (role is null || !MaintainerRoles.All.Contains(role)) return await WrongRoleAsync(error, role);
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
        if (await MaintainerRoleChange.SetAsync(users, maintainer, role) is { } refused)
        {
            await users.DeleteAsync(maintainer);
            await error.WriteLineAsync($"{refused} No maintainer was created.");
            return 1;
        }
        await output.WriteLineAsync($"Created the maintainer {email}, {role}. Log in at /admin/login.");
        return 0;
    }

    private static async Task<int> SetRoleAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (UnknownOption(args, "--email", "--role") is { } unknown)
            return WrongUsage(error, $"unknown option “{unknown}” of set-role.");
        var email = OptionValue(args, "--email");
        if (email is null || !args.Contains("--role"))
        {
            await error.WriteLineAsync("Usage: set-role --email <address> --role coder|editor|administrator");
            return 2;
        }
        var role = OptionValue(args, "--role");
        if (role is null || !MaintainerRoles.All.Contains(role)) return await WrongRoleAsync(error, role);
        var users = services.GetRequiredService<UserManager<Maintainer>>();
        if (await users.FindByEmailAsync(email) is not { } maintainer)
        {
            await error.WriteLineAsync($"There is no maintainer with the address {email}; nothing was changed. " +
                "Create one with create-admin --email <address> --role <role>.");
            return 1;
        }
        if (await MaintainerRoleChange.SetAsync(users, maintainer, role) is { } refused)
        {
            await error.WriteLineAsync($"{refused} Nothing was changed.");
            return 1;
        }
        await output.WriteLineAsync($"{email} is now {(role == MaintainerRoles.Coder ? "a" : "an")} {role}.");
        return 0;
    }

    private static async Task<int> WrongRoleAsync(TextWriter error, string? role)
    {
        await error.WriteLineAsync(role is null ? $"--role needs a value: {MaintainerRoleChange.Listed}."
            : $"“{role}” is not a role; the roles are {MaintainerRoleChange.Listed}.");
        return 2;
    }

    /// <summary>The value after <paramref name="option"/>, trimmed; null when the option or its value is missing.</summary>
    private static string? OptionValue(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal) ? null : args[at + 1].Trim();
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
        if (UnknownOption(args, "--dry-run") is { } unknown) return WrongUsage(error, $"unknown option “{unknown}” of import.");
        var dryRun = args.Contains("--dry-run");
        var paths = args.Where(a => a != "--dry-run").ToList();
        if (paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
        {
            await error.WriteLineAsync("Usage: import <file> [<file>…] [--dry-run]   " +
                "(CSV files named after their table, or JSON, and the .txt files of sources' texts; see docs/data-format.md)");
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
        var count = result.ProblemCount;
        await error.WriteLineAsync(
            $"The file could not be imported ({count:N0} {(count == 1 ? "problem" : "problems")}); nothing was written:");
        foreach (var problem in result.Problems) await error.WriteLineAsync("  " + problem);
        if (result.MoreProblems is { } more) await error.WriteLineAsync("  " + more);
        return 1;
    }

    /// <summary>The first argument that looks like an option but is not the command's own, or null.</summary>
    private static string? UnknownOption(string[] args, params string[] known) =>
        args.FirstOrDefault(a => a.StartsWith('-') && !known.Contains(a));
}
