namespace Testimonies.Web.Importing;

/// <summary>Limits on what one import may hold, checked before any file is parsed.</summary>
public static class ImportUpload
{
    public const int MaxFiles = 5;
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 200_000;

    /// <summary>Adds a problem for each limit the files break; returns their bytes concatenated (what the import's hash is taken of).</summary>
    public static byte[] Check(IReadOnlyList<ImportFile> files, List<ImportProblem> problems)
    {
        if (files.Count == 0)
            problems.Add(new("upload", null, null, "no file was chosen. Choose one or more CSV files named after their tables, or a JSON file."));
        if (files.Count > MaxFiles)
            problems.Add(new("upload", null, null, $"{files.Count} files were chosen; one import takes at most {MaxFiles} (one for each table)."));
        var total = files.Sum(f => (long)f.Content.Length);
        if (total > MaxBytes)
            problems.Add(new("upload", null, null, $"the files hold {total / 1024.0 / 1024.0:F1} MB; one import takes at most {MaxBytes / 1024 / 1024} MB. Split it into several imports."));
        foreach (var file in files.Where(f => f.Content.Length == 0))
            problems.Add(new(file.Name, null, null, "the file is empty."));
        foreach (var file in files)
        {
            // Newlines bound the number of records from above; a file over the limit is refused before it is parsed.
            var lines = file.Content.AsSpan().Count((byte)'\n');
            if (lines > MaxRows + 1)
                problems.Add(new(file.Name, null, null, $"the file has about {lines:N0} lines; one import takes at most {MaxRows:N0} rows. Split it into several imports."));
        }
        foreach (var duplicate in files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new(duplicate.Key, null, null, "two files of this name were chosen; choose each table's file once."));
        return problems.Count > 0 ? [] : files.SelectMany(f => f.Content).ToArray();
    }
}
