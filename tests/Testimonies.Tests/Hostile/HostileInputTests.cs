using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Maintainers;

namespace Testimonies.Tests.Hostile;

/// <summary>
/// Every hostile file of <see cref="HostileInputs"/> through the upload page and the command line, and hostile values through a
/// maintainer's form: each refused with a located message, never a 5xx or a stack trace, and nothing written.
/// </summary>
public class HostileInputTests : MaintainerSiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int, int, int, int, int, int)> CountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return (await db.Statements.CountAsync(Ct), await db.Speakers.CountAsync(Ct), await db.Sources.CountAsync(Ct),
            await db.Reasons.CountAsync(Ct), await db.Findings.CountAsync(Ct), await db.Imports.CountAsync(Ct));
    }

    private async Task<(int ExitCode, string Error)> CommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MaintainerCommands.RunAsync(Factory.Services, args, new StringReader(""), output, error);
        return (exitCode, error.ToString());
    }

    [Fact]
    public async Task EveryHostileInputIsRefusedWhereItIsWrongAndWritesNothing()
    {
        var failures = new List<string>();
        var (tried, refusals, accepted, serverErrors, partialWrites) = (0, 0, 0, 0, 0);
        var folder = Directory.CreateTempSubdirectory("testimonies-hostile-");
        try
        {
            foreach (var input in HostileInputs.All())
            {
                // The upload page.
                tried++;
                var before = await CountsAsync();
                var response = await AdminSession.UploadAsync(Client, (input.FileName, input.Content));
                var page = await response.Content.ReadAsStringAsync(Ct);
                if ((int)response.StatusCode >= 500) { serverErrors++; failures.Add($"{input} (upload): {(int)response.StatusCode}"); }
                if (input.Accepted)
                {
                    accepted++;
                    if (response.StatusCode != HttpStatusCode.Redirect) failures.Add($"{input} (upload): {(int)response.StatusCode}");
                    else
                    {
                        var preview = await Client.GetStringAsync(response.Headers.Location, Ct);
                        if (preview.Contains("<script>alert", StringComparison.OrdinalIgnoreCase)
                            || preview.Contains("href=\"javascript:", StringComparison.OrdinalIgnoreCase))
                            failures.Add($"{input}: the preview page carries the markup");
                    }
                    var after = await CountsAsync();
                    if (after != before with { Item6 = before.Item6 + 1 }) { partialWrites++; failures.Add($"{input} (upload): {after}"); }
                }
                else
                {
                    refusals++;
                    var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector(".import-problems")
                        ?.TextContent;
                    if ((int)response.StatusCode is < 400 or >= 500 || problems is null
                        || !problems.Contains(input.Where, StringComparison.Ordinal)
                        || !problems.Contains(input.Message, StringComparison.Ordinal))
                        failures.Add($"{input} (upload): {(int)response.StatusCode}, expected “{input.Where}… {input.Message}” in: "
                            + (problems ?? page)[..Math.Min(600, (problems ?? page).Length)]);
                    if (await CountsAsync() != before) { partialWrites++; failures.Add($"{input} (upload): written"); }
                }

                // The command line, on the same file under its own name (a dry run for the data that is accepted).
                tried++;
                before = await CountsAsync();
                var path = Path.Combine(folder.FullName, Path.GetFileName(input.FileName));
                await File.WriteAllBytesAsync(path, input.Content, Ct);
                var (exitCode, error) = input.Accepted
                    ? await CommandAsync("import", path, "--dry-run")
                    : await CommandAsync("import", path);
                File.Delete(path);
                if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal))
                    failures.Add($"{input} (command line): a stack trace: {error[..Math.Min(600, error.Length)]}");
                if (input.Accepted)
                {
                    accepted++;
                    if (exitCode != 0) failures.Add($"{input} (command line): exit {exitCode}: {error}");
                }
                else
                {
                    refusals++;
                    if (exitCode != 1 || !error.Contains(input.Where, StringComparison.Ordinal)
                        || !error.Contains(input.Message, StringComparison.Ordinal))
                        failures.Add($"{input} (command line): exit {exitCode}: {error[..Math.Min(600, error.Length)]}");
                }
                if (await CountsAsync() != before) { partialWrites++; failures.Add($"{input} (command line): written"); }
            }

            // A maintainer's form: the same rules as a file.
            foreach (var (kind, values, message) in HostileForms())
            {
                tried++;
                var before = await CountsAsync();
                var response = await RecordForm.SaveAsync(Client, "/admin/statements/new", values);
                var page = await response.Content.ReadAsStringAsync(Ct);
                if ((int)response.StatusCode >= 500) serverErrors++;
                refusals++;
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity
                    || !System.Net.WebUtility.HtmlDecode(page).Contains(message, StringComparison.Ordinal))
                    failures.Add($"{kind} (form): {(int)response.StatusCode}, expected “{message}”: {page[..Math.Min(300, page.Length)]}");
                if (await CountsAsync() != before) { partialWrites++; failures.Add($"{kind} (form): written"); }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Hostile inputs on {Store}: {tried} tried (upload, command line, form), "
            + $"{refusals} refusals with a located message, {accepted} accepted as safe data, {serverErrors} 5xx, "
            + $"{partialWrites} partial writes.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal((0, 0), (serverErrors, partialWrites));
    }

    private static IEnumerable<(string Kind, Dictionary<string, string> Values, string Message)> HostileForms()
    {
        Dictionary<string, string> Statement(string id = "hostile-form", string position = "350", string text = "Synthetic form words",
            string source = "test-untexted") =>
            new()
            {
                ["id"] = id, ["source"] = source, ["position"] = position, ["speaker"] = "indian-fighter", ["kind"] = "quotation",
                ["text"] = text, ["status"] = "published",
            };
        // A NUL cannot reach the form's page: ASP.NET Core's form decoder refuses %00 with an empty 400 before any page runs.
        yield return ("control character in the text", Statement(text: "Words\u0001with a control character"), "control characters");
        yield return ("text over the limit", Statement(text: new string('a', 5000)), "the limit is 4,000");
        yield return ("path-like identifier", Statement(id: "../../etc/passwd"), "is not a valid identifier");
        yield return ("position taken in the archive", Statement(position: "3", source: "csis-2016-ch9"),
            "is taken by statement csis16-03");
        yield return ("position out of range", Statement(position: "-1"), "is not a whole number");
    }
}
