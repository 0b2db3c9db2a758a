namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// The curated data/ plus one synthetic source that has no stored text, for tests that import made-up words: words attributed
/// to the chapter, which has a text, are refused unless they stand in it (docs/data-format.md, "Source texts"). Generated here,
/// in a temporary folder; never in data/.
/// </summary>
public static class UntextedSource
{
    public const string Key = "test-untexted";

    private static readonly Lazy<string> Folder = new(Create);

    /// <summary>A data folder to start a test site on.</summary>
    public static string DataPath => Folder.Value;

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-untexted-").FullName;
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Data, "*.csv"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        Directory.CreateDirectory(Path.Combine(folder, "sources"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Data, "sources"), "*.txt"))
            File.Copy(file, Path.Combine(folder, "sources", Path.GetFileName(file)));
        var sources = Path.Combine(folder, "sources.csv");
        var header = File.ReadLines(sources).First().Split(',');
        var row = header.Select(column => column switch
        {
            "key" => Key,
            "title" => "Synthetic Source Without a Stored Text",
            "publisher" => "Test Publisher",
            "published" => "2020",
            "notes" => "Generated for tests; not a real publication.",
            _ => "",
        });
        File.AppendAllText(sources, string.Join(',', row) + "\n");
        return folder;
    }
}
