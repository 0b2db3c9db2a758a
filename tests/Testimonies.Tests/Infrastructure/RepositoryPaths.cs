namespace Testimonies.Tests.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Data => Path.Combine(Root, "data");
    public static string Docs => Path.Combine(Root, "docs");
    public static string WebProject => Path.Combine(Root, "src", "Testimonies.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Testimonies.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Testimonies.sln not found above " + AppContext.BaseDirectory);
    }
}
