namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// html-validate (tests/html-check, version pinned in its package-lock.json, rules in its .htmlvalidate.json): validates
/// pages' HTML. Installs its package with npm on first use; tests that need it are skipped, saying so, only where Node.js
/// is not installed (as <see cref="CitationJs"/>).
/// </summary>
public static class HtmlValidate
{
    private static readonly NodeCheck Check = new("html-check", "html-validate");

    public const string SkipReason = "skipped: node not installed (html-validate checks the pages; apt-get install nodejs npm)";

    /// <summary>Validates every page at once (name → HTML) and returns html-validate's errors, one a line ("name:line:col rule").</summary>
    public static async Task<string[]> ErrorsAsync(IReadOnlyDictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-html-");
        try
        {
            foreach (var (name, html) in pages)
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".html"), html, TestContext.Current.CancellationToken);
            var (exitCode, output, error) = await Check.NodeAsync("check.mjs", folder.FullName);
            Assert.True(exitCode == 0 || exitCode == 1 && output.Length > 0, $"html-validate did not run ({exitCode}): {error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
