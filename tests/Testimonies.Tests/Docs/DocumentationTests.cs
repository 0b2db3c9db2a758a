using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Docs;

/// <summary>The documentation is part of the product: these fail when it falls behind the code.</summary>
public class DocumentationTests
{
    [Fact]
    public void EveryColumnOfTheImportFormatIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "data-format.md"));
        foreach (var table in DataFormat.All)
        {
            Assert.Contains($"`{table.FileName}`", doc, StringComparison.Ordinal);
            foreach (var column in table.Columns)
                Assert.Contains($"| `{column.Name}` |", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheReadmeOpensWithTheTwoCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var run = readme.IndexOf("dotnet run --project src/Testimonies.Web", StringComparison.Ordinal);
        var test = readme.IndexOf("dotnet test", StringComparison.Ordinal);
        Assert.InRange(run, 0, 800);
        Assert.InRange(test, 0, 800);
    }

    [Fact]
    public void TheArchitectureDocumentNamesEveryFeatureFolder()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "architecture.md"));
        var web = RepositoryPaths.WebProject;
        var folders = Directory.GetDirectories(web)
            .Concat(Directory.GetDirectories(Path.Combine(web, "Pages")))
            .Concat(Directory.GetDirectories(Path.Combine(web, "Archive")))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Properties" or "App_Data" or "wwwroot"));
        foreach (var folder in folders)
            Assert.Contains($"{folder}/", doc, StringComparison.Ordinal);
    }
}
