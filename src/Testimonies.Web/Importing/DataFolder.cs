using Testimonies.Web.Search;

namespace Testimonies.Web.Importing;

/// <summary>Loads the curated files of data/ into an empty store, through <see cref="Importer"/> as any import.</summary>
public static class DataFolder
{
    /// <summary>The folder of data/ that holds sources' texts.</summary>
    public const string TextFolder = "sources";

    /// <summary>Reads the data files present in <paramref name="path"/>, in the order they must be applied.</summary>
    public static List<ImportFile> ReadFiles(string path)
    {
        if (!Directory.Exists(path))
            throw new ImportFailedException([new ImportProblem(path, null, null, "the data folder does not exist. "
                + "Set Archive:DataPath to the folder that holds reasons.csv, sources.csv and the other data files.")]);
        var tables = DataFormat.All
            .Select(spec => Path.Combine(path, spec.FileName))
            .Where(File.Exists)
            .Select(file => new ImportFile(Path.GetFileName(file), File.ReadAllBytes(file)));
        // Sources' texts, named as sources.csv's text_file names them: their path under the folder, with forward slashes.
        var texts = Directory.Exists(Path.Combine(path, TextFolder))
            ? Directory.EnumerateFiles(Path.Combine(path, TextFolder), "*.txt").Order(StringComparer.Ordinal)
                .Select(file => new ImportFile($"{TextFolder}/{Path.GetFileName(file)}", File.ReadAllBytes(file)))
            : [];
        return [.. tables, .. texts];
    }

    /// <summary>Loads data/ when the store holds no statement yet; throws <see cref="ImportFailedException"/> with the problems.</summary>
    public static async Task<IReadOnlyList<TableChanges>?> LoadIfEmptyAsync(ArchiveDbContext db, SearchIndex index, string path,
        CancellationToken cancellationToken)
    {
        if (await db.Statements.AnyAsync(cancellationToken) || await db.Sources.AnyAsync(cancellationToken)) return null;
        return await LoadAsync(db, index, ReadFiles(path), cancellationToken);
    }

    public static async Task<IReadOnlyList<TableChanges>> LoadAsync(ArchiveDbContext db, SearchIndex index, IReadOnlyList<ImportFile> files,
        CancellationToken cancellationToken)
    {
        if (files.Count == 0) return []; // a folder without data files starts an empty archive, as before any import
        // Start-up runs before the server takes requests, on a store of its own: nothing else could hold a shared gate.
        using var gate = new ImportGate();
        var result = await new Importer(db, index, gate, TimeProvider.System).LoadDataFolderAsync(files, cancellationToken);
        if (result.Refused) throw new ImportFailedException(result.Problems);
        return result.Outcome!.Tables;
    }
}
