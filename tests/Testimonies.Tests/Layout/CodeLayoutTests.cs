using System.Text.RegularExpressions;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Layout;

/// <summary>
/// The structure docs/architecture.md describes, kept: shared folders never reach up into page folders,
/// Archive/ is the bottom layer, each type lives in a file named after it, and lines stay within the
/// .editorconfig's max_line_length for C#.
/// </summary>
public partial class CodeLayoutTests
{
    private const int MaxLineLength = 140;

    private static readonly string Web = RepositoryPaths.WebProject;

    /// <summary>The project's own code: not generated migrations, not build output.</summary>
    private static IEnumerable<string> SourceFiles(string root, params string[] extensions) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => extensions.Contains(Path.GetExtension(path)))
            .Where(path => !Relative(path).Split('/').Any(part => part is "bin" or "obj" or "Migrations" or "node_modules"));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    [Fact]
    public void TheEditorConfigSetsTheLineLengthThisTestKeeps()
    {
        var editorConfig = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".editorconfig"));
        Assert.Contains($"max_line_length = {MaxLineLength}", editorConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void NoLineIsLongerThanTheEditorConfigAllows()
    {
        var roots = new[] { Path.Combine(RepositoryPaths.Root, "src"), Path.Combine(RepositoryPaths.Root, "tests") };
        var tooLong = roots.SelectMany(root => SourceFiles(root, ".cs"))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Relative(l.path)}:{l.number} ({l.line.Length} characters)")
            .ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n" + string.Join('\n', tooLong.Take(50)));
    }

    [Fact]
    public void SharedFoldersNeverImportAPageNamespace()
    {
        var offenders = SourceFiles(Web, ".cs")
            .Where(path => !Relative(path).StartsWith("src/Testimonies.Web/Pages/", StringComparison.Ordinal))
            .Where(path => Path.GetDirectoryName(path) != Web) // Program.cs and Site.cs put the pages together
            .Where(path => File.ReadLines(path).Any(line => line.StartsWith("using Testimonies.Web.Pages", StringComparison.Ordinal)
                || line.Contains("Testimonies.Web.Pages.", StringComparison.Ordinal)))
            .Select(Relative)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void ArchiveIsTheBottomLayer()
    {
        string[] above =
            ["Importing", "Search", "Citations", "Agreement", "Api", "RefiQda", "Rendering", "Maintainers", "Reports", "Operations",
             "Pages"];
        var offenders = SourceFiles(Path.Combine(Web, "Archive"), ".cs")
            .SelectMany(path => File.ReadLines(path)
                .Where(line => above.Any(folder => line.Contains($"Testimonies.Web.{folder}", StringComparison.Ordinal)))
                .Select(line => $"{Relative(path)}: {line.Trim()}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EachTypeIsInAFileNamedAfterIt()
    {
        var offenders = new List<string>();
        foreach (var path in SourceFiles(Web, ".cs"))
        {
            var types = File.ReadLines(path).Select(line => TopLevelType().Match(line)).Where(m => m.Success)
                .Select(m => m.Groups["name"].Value).Distinct().ToList();
            // A page's model is named after its page: Details.cshtml.cs holds DetailsModel.
            var file = Path.GetFileName(path) is var name && name.EndsWith(".cshtml.cs", StringComparison.Ordinal)
                ? name[..^".cshtml.cs".Length] + "Model"
                : Path.GetFileNameWithoutExtension(path);
            if (types.Count > 1 || (types.Count == 1 && types[0] != file))
                offenders.Add($"{Relative(path)}: {string.Join(", ", types)}");
        }
        Assert.Empty(offenders);
    }

    /// <summary>A type declared at the start of a line (file-scoped namespaces: nested types are indented).</summary>
    [GeneratedRegex(@"^(?:public |internal |file )?(?:sealed |static |abstract |partial |readonly )*"
        + @"(?:class|record struct|record|struct|enum|interface) (?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex TopLevelType();
}
