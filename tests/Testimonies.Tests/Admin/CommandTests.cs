using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Maintainers;

namespace Testimonies.Tests.Admin;

/// <summary>The maintenance commands (create-admin, import), run on a test site's services with their standard streams captured.</summary>
public class CommandTests : IDisposable
{
    private readonly ArchiveFactory _factory;

    public CommandTests() : this(TestStore.Sqlite) { }

    /// <summary>The same tests on another engine (Postgres/OnPostgres.cs).</summary>
    protected CommandTests(TestStore store)
    {
        // The site's own password cost: these tests include the hash that create-admin writes.
        _factory = new ArchiveFactory(UntextedSource.DataPath, store) { PasswordHashIterations = null };
        _ = _factory.Server; // start the site: migrated, data/ loaded
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MaintainerCommands.RunAsync(_factory.Services, args, new StringReader(input), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CreateAdminReadsThePasswordFromStandardInputAndTheMaintainerCanLogIn()
    {
        var (exitCode, output, _) = await RunAsync("a passphrase of several words\n", "create-admin", "--email", "first@example.org");
        Assert.Equal(0, exitCode);
        Assert.Contains("Created the maintainer first@example.org", output, StringComparison.Ordinal);
        var login = await AdminSession.LogInAsync(AdminSession.NewClient(_factory), "first@example.org", "a passphrase of several words");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task CreateAdminRefusesAShortPasswordAndSaysWhy()
    {
        var (exitCode, _, error) = await RunAsync("short one\n", "create-admin", "--email", "first@example.org");
        Assert.Equal(1, exitCode);
        Assert.Contains("too weak: it needs at least 12 characters", error, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>().FindByEmailAsync("first@example.org"));
    }

    [Fact]
    public async Task CreateAdminAcceptsLongPasswordsWithoutCompositionRules()
    {
        var (exitCode, _, error) = await RunAsync(new string('a', 20) + " " + new string('z', 80) + "\n", "create-admin", "--email",
            "long@example.org");
        Assert.True(exitCode == 0, error);
    }

    [Fact]
    public async Task CreateAdminSaysWhenTheAddressExists()
    {
        await RunAsync("a passphrase of several words\n", "create-admin", "--email", "first@example.org");
        var (exitCode, _, error) = await RunAsync("another passphrase entirely\n", "create-admin", "--email", "first@example.org");
        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create-admin")]
    [InlineData("create-admin", "--email")]
    [InlineData("import")]
    [InlineData("set-role")]
    [InlineData("set-role", "--email", "a@example.org")]
    public async Task AWrongCommandLineShowsTheUsage(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync("", args);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage:", error, StringComparison.Ordinal);
    }

    private async Task<string[]> RolesOfAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>();
        return [.. await users.GetRolesAsync((await users.FindByEmailAsync(email))!)];
    }

    [Fact]
    public async Task CreateAdminMakesAnAdministratorUnlessARoleIsGiven()
    {
        Assert.Equal(0, (await RunAsync("a passphrase of several words\n", "create-admin", "--email", "first@example.org")).ExitCode);
        Assert.Equal([MaintainerRoles.Administrator], await RolesOfAsync("first@example.org"));
        var (exitCode, output, _) = await RunAsync("a passphrase of several words\n", "create-admin", "--email", "coder@example.org",
            "--role", "coder");
        Assert.Equal(0, exitCode);
        Assert.Contains("coder@example.org, coder", output, StringComparison.Ordinal);
        Assert.Equal([MaintainerRoles.Coder], await RolesOfAsync("coder@example.org"));
        var client = AdminSession.NewClient(_factory);
        await AdminSession.LogInAsync(client, "coder@example.org", "a passphrase of several words");
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await client.GetAsync("/admin/coding", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await client.GetAsync("/admin/import", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("create-admin", "--email", "new@example.org", "--role", "admin")]
    [InlineData("create-admin", "--email", "new@example.org", "--role")]
    [InlineData("set-role", "--email", "new@example.org", "--role", "Editor")]
    public async Task AWrongRoleIsWrongUsageAndListsTheRoles(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync("a passphrase of several words\n", args);
        Assert.Equal(2, exitCode);
        Assert.Contains("coder, editor or administrator", error, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>().FindByEmailAsync("new@example.org"));
    }

    [Fact]
    public async Task SetRoleChangesARoleButKeepsOneAdministrator()
    {
        await RunAsync("a passphrase of several words\n", "create-admin", "--email", "first@example.org");
        await RunAsync("a passphrase of several words\n", "create-admin", "--email", "second@example.org", "--role", "coder");
        var (exitCode, output, _) = await RunAsync("", "set-role", "--email", "second@example.org", "--role", "editor");
        Assert.Equal(0, exitCode);
        Assert.Contains("second@example.org is now an editor", output, StringComparison.Ordinal);
        Assert.Equal([MaintainerRoles.Editor], await RolesOfAsync("second@example.org"));

        var (lastExit, _, lastError) = await RunAsync("", "set-role", "--email", "first@example.org", "--role", "coder");
        Assert.Equal(1, lastExit);
        Assert.Contains("the only administrator", lastError, StringComparison.Ordinal);
        Assert.Equal([MaintainerRoles.Administrator], await RolesOfAsync("first@example.org"));

        var (unknownExit, _, unknownError) = await RunAsync("", "set-role", "--email", "nobody@example.org", "--role", "coder");
        Assert.Equal(1, unknownExit);
        Assert.Contains("no maintainer with the address nobody@example.org", unknownError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "--frobnicate", "x.csv")]
    [InlineData("create-admin", "--email", "a@example.org", "--admin")]
    public async Task AnUnknownOptionOfACommandListsTheCommands(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync("", args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"unknown option “{args.First(a => a is "--frobnicate" or "--admin")}”", error, StringComparison.Ordinal);
        Assert.Contains("\n  import <file>", error, StringComparison.Ordinal);
        Assert.Contains("\n  create-admin --email <address>", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "restore")]
    [InlineData(2, "check", "--all")]
    [InlineData(2, "--nope")]
    [InlineData(0, "--help")]
    [InlineData(0, "help")]
    public async Task AnUnknownCommandOrOptionListsTheCommandsWithoutStartingTheServer(int expected, params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-cli-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(folder.FullName, "archive.db")}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            };
            using var process = ChildProcess.Start("dotnet", [ChildProcess.WebAssembly, .. args, "--urls", "http://127.0.0.1:0"],
                RepositoryPaths.WebProject, environment);
            var (exitCode, output, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(30));
            Assert.Equal(expected, exitCode);
            var list = expected == 0 ? output : error;
            Assert.Contains("\n  import <file>", list, StringComparison.Ordinal);
            Assert.Contains("\n  create-admin --email <address>", list, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "archive.db")), "the store was opened");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ImportListsTheFirst200ProblemsAndCountsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-cli-");
        try
        {
            var file = Path.Combine(folder.FullName, "statements.csv");
            await File.WriteAllTextAsync(file, "id,source,position,speaker,kind,text\n"
                + string.Concat(Enumerable.Range(1, 50_000).Select(i => $"Bad,test-untexted,{i + 200},indian-fighter,quotation,Words\n")),
                TestContext.Current.CancellationToken);
            var (exitCode, _, error) = await RunAsync("", "import", file);
            Assert.Equal(1, exitCode);
            Assert.True(error.Length < 100_000, $"{error.Length:N0} characters");
            Assert.Contains("(50,000 problems); nothing was written", error, StringComparison.Ordinal);
            Assert.Equal(200, error.Split('\n').Count(l => l.StartsWith("  statements.csv, line ", StringComparison.Ordinal)));
            Assert.Contains("and 49,800 more: 49,800 × “id”: is not a valid identifier", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ThePasswordHashUsesMoreIterationsThanTheDefault()
    {
        await RunAsync("a passphrase of several words\n", "create-admin", "--email", "first@example.org");
        await using var scope = _factory.Services.CreateAsyncScope();
        var maintainer = await scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>().FindByEmailAsync("first@example.org");
        // Identity's v3 format: 1 byte version, 4 bytes PRF, then the iteration count, big-endian.
        var hash = Convert.FromBase64String(maintainer!.PasswordHash!);
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.Equal(MaintainerSetup.PasswordHashIterations, iterations);
        Assert.True(iterations > 100_000);
    }

    [Fact]
    public async Task ImportDryRunWritesNothingAndImportAppliesWithTheSameMessages()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-cli-");
        try
        {
            var file = Path.Combine(folder.FullName, "statements.csv");
            await File.WriteAllTextAsync(file, "id,source,position,speaker,kind,text,reasons\n"
                + "cli-0001,test-untexted,130,indian-fighter,quotation,Synthetic command-line words,boredm\n",
                TestContext.Current.CancellationToken);
            var (failed, _, problems) = await RunAsync("", "import", file);
            Assert.Equal(1, failed);
            Assert.Contains("statements.csv, line 2, column “reasons”: “boredm” is not a known reason; did you mean “boredom”?", problems,
                StringComparison.Ordinal);
            Assert.Contains("nothing was written", problems, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "id,source,position,speaker,kind,text,reasons\n"
                + "cli-0001,test-untexted,130,indian-fighter,quotation,Synthetic command-line words,boredom\n",
                TestContext.Current.CancellationToken);
            var (dry, dryOutput, _) = await RunAsync("", "import", file, "--dry-run");
            Assert.Equal(0, dry);
            Assert.Contains("Dry run, nothing was written", dryOutput, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.NotFound,
                (await _factory.CreateClient().GetAsync("/s/cli-0001", TestContext.Current.CancellationToken)).StatusCode);

            var (applied, output, _) = await RunAsync("", "import", file);
            Assert.Equal(0, applied);
            Assert.Contains("statements: 1 created", output, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK,
                (await _factory.CreateClient().GetAsync("/s/cli-0001", TestContext.Current.CancellationToken)).StatusCode);
            await using var scope = _factory.Services.CreateAsyncScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Imports.CountAsync(i => i.AppliedAt != null,
                TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ImportRefusesMoreRecordsThanAnUploadMayHoldWithTheUploadsMessage()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-cli-");
        try
        {
            // Each file under the per-file limit, together one record over it: refused before either is parsed.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "speakers.csv"),
                "key,description\n" + string.Concat(Enumerable.Repeat("x\n", 100_001)), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "reasons.csv"),
                "slug,name\n" + string.Concat(Enumerable.Repeat("x\n", 100_000)), TestContext.Current.CancellationToken);
            var (exitCode, _, error) = await RunAsync("", "import", Path.Combine(folder.FullName, "speakers.csv"),
                Path.Combine(folder.FullName, "reasons.csv"));
            Assert.Equal(1, exitCode);
            Assert.Contains("upload: the files hold 200,001 records; one import takes at most 200,000. Split it into several imports.",
                error, StringComparison.Ordinal);
            Assert.Contains("(1 problem); nothing was written", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
