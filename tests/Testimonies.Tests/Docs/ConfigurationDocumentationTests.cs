using System.Reflection;
using System.Text.RegularExpressions;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web;

namespace Testimonies.Tests.Docs;

/// <summary>Every setting the app binds (Settings.Sections) has a row in the README's configuration table.</summary>
public partial class ConfigurationDocumentationTests
{
    [Fact]
    public void EverySettingIsInTheReadmesConfigurationTable()
    {
        var documented = ConfigurationTableSettings();
        var settings = Settings.Sections
            .SelectMany(section => section.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.SetMethod is { IsPublic: true })
                .Select(property => $"{section.Name}:{property.Name}"))
            .ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.Contains(setting, documented));
    }

    /// <summary>The first column of the table under "## Configuration": `Section:Name` in backticks.</summary>
    private static HashSet<string> ConfigurationTableSettings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Configuration\" section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return section.Split('\n')
            .Select(line => FirstColumn().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*`([^`]+)`\s*\|")]
    private static partial Regex FirstColumn();
}
