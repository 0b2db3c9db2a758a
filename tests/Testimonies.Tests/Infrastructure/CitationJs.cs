using System.Text.Json;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// citation-js (tests/citation-check, versions pinned in its package-lock.json): a real parser for the
/// archive's BibTeX, RIS and CSL-JSON downloads. Installs its packages with npm on first use; tests
/// that need it are skipped, saying so, only where Node.js is not installed.
/// </summary>
public static class CitationJs
{
    public const string SkipReason = "skipped: node not installed (citation-js parses the downloads; apt-get install nodejs npm)";

    private static readonly NodeCheck Check = new("citation-check", Path.Combine("@citation-js", "core"));

    public static bool NodeInstalled => NodeCheck.NodeInstalled;

    /// <summary>Parses <paramref name="text"/> as bibtex, ris or csl and returns the CSL-JSON items citation-js read from it.</summary>
    public static async Task<JsonElement> ParseAsync(string text, string format)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
            var (exitCode, output, error) = await Check.NodeAsync("parse.mjs", file, format);
            Assert.True(exitCode == 0, $"citation-js could not parse the {format} file: {error}\n{text}");
            using var json = JsonDocument.Parse(output);
            return json.RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The reference citeproc-js renders in citation-js's APA template from <paramref name="text"/> read as
    /// <paramref name="format"/> (bibtex, bibtex-classic, ris or csl): how a reader of the file sees its date and numbers.
    /// </summary>
    public static async Task<string> ApaAsync(string text, string format)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
            var (exitCode, output, error) = await Check.NodeAsync("parse.mjs", file, format, "--apa");
            Assert.True(exitCode == 0, $"citation-js could not render the {format} file: {error}\n{text}");
            return output.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
