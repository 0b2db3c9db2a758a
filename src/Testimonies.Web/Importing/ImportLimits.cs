namespace Testimonies.Web.Importing;

/// <summary>
/// Limits on what one import may hold, the same for uploads, forms, the command line and the data folder:
/// checked before any file is parsed, and the number of records once more after parsing.
/// </summary>
public static class ImportLimits
{
    public static readonly int MaxFiles = DataFormat.All.Count;
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 200_000;

    /// <summary>Adds a problem for each limit the files break.</summary>
    public static void Check(IReadOnlyList<ImportFile> files, ImportProblems problems)
    {
        if (files.Count == 0)
            problems.Add(new("upload", null, null,
                "no file was chosen. Choose one or more CSV files named after their tables, or a JSON file."));
        // Counted among the importable kinds: any other file is refused by name when parsed, which says more.
        var importable = files.Count(f => Path.GetExtension(f.Name).ToLowerInvariant() is ".csv" or ".json");
        if (importable > MaxFiles)
            problems.Add(new("upload", null, null,
                $"{importable} files were chosen; one import takes at most {MaxFiles} (one for each table)."));
        var total = files.Sum(f => (long)f.Content.Length);
        if (total > MaxBytes) problems.Add(TooLarge(total));
        foreach (var file in files.Where(f => f.Content.Length == 0))
            problems.Add(new(file.Name, null, null, "the file is empty."));
        var tooLong = false;
        foreach (var file in files)
        {
            // Newlines bound the number of records from above; a file over the limit is refused before it is parsed.
            var lines = file.Content.AsSpan().Count((byte)'\n');
            if (lines <= MaxRows + 1) continue;
            problems.Add(new(file.Name, null, null,
                $"the file has about {lines:N0} lines; one import takes at most {MaxRows:N0} rows. Split it into several imports."));
            tooLong = true;
        }
        // Several CSV files each under the limit may still hold more records together: their lines bound that too.
        var csvRecords = files.Where(f => f.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Sum(CsvRecordsAtMost);
        if (!tooLong && csvRecords > MaxRows) problems.Add(TooManyRecords(csvRecords));
        foreach (var duplicate in files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new(duplicate.Key, null, null, "two files of this name were chosen; choose each table's file once."));
    }

    /// <summary>The size limit's message; an upload too large to be read gets it too, with the request's length.</summary>
    public static ImportProblem TooLarge(long bytes) =>
        new("upload", null, null, $"the files hold {bytes / 1024.0 / 1024.0:F1} MB; "
            + $"one import takes at most {MaxBytes / 1024 / 1024} MB. Split it into several imports.");

    /// <summary>The exact count, once parsed (a JSON file's records are known only then).</summary>
    public static void CheckRecords(ImportSet set, ImportProblems problems)
    {
        if (set.RowCount > MaxRows) problems.Add(TooManyRecords(set.RowCount));
    }

    private static ImportProblem TooManyRecords(long count) =>
        new("upload", null, null,
            $"the files hold {count:N0} records; one import takes at most {MaxRows:N0}. Split it into several imports.");

    /// <summary>Lines after the header, counting a last line without a newline: no CSV file holds more records than that.</summary>
    private static long CsvRecordsAtMost(ImportFile file)
    {
        var content = file.Content.AsSpan();
        if (content.IsEmpty) return 0;
        var lines = content.Count((byte)'\n') + (content[^1] == (byte)'\n' ? 0 : 1);
        return Math.Max(0, lines - 1);
    }
}
