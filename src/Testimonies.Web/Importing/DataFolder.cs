namespace Testimonies.Web.Importing;

/// <summary>Loads the curated files of data/ into an empty store, through the same code as any import.</summary>
public static class DataFolder
{
    /// <summary>Reads the data files present in <paramref name="path"/>, in the order they must be applied.</summary>
    public static List<ImportFile> ReadFiles(string path)
    {
        if (!Directory.Exists(path))
            throw new ImportFailedException([new ImportProblem(path, null, null, "the data folder does not exist. Set Archive:DataPath to the folder that holds reasons.csv, sources.csv and the other data files.")]);
        return DataFormat.All
            .Select(spec => Path.Combine(path, spec.FileName))
            .Where(File.Exists)
            .Select(file => new ImportFile(Path.GetFileName(file), File.ReadAllBytes(file)))
            .ToList();
    }

    /// <summary>Loads data/ when the store holds no statement yet. Throws <see cref="ImportFailedException"/> naming each problem.</summary>
    public static async Task<IReadOnlyList<TableChanges>?> LoadIfEmptyAsync(ArchiveDbContext db, string path, CancellationToken cancellationToken)
    {
        if (await db.Statements.AnyAsync(cancellationToken) || await db.Sources.AnyAsync(cancellationToken)) return null;
        return await LoadAsync(db, ReadFiles(path), cancellationToken);
    }

    public static async Task<IReadOnlyList<TableChanges>> LoadAsync(ArchiveDbContext db, IReadOnlyList<ImportFile> files, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var set = ImportSet.Parse(files, problems);
        await ArchiveImport.ValidateAsync(db, set, problems, cancellationToken);
        if (problems.Count > 0) throw new ImportFailedException(problems);
        return (await ArchiveImport.ApplyAsync(db, set, new ImportActor("data folder", "load", DateTimeOffset.UtcNow), cancellationToken)).Tables;
    }
}
