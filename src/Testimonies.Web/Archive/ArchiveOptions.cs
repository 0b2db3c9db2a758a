namespace Testimonies.Web.Archive;

/// <summary>Settings of the archive's data and its dataset download, bound from the "Archive" section.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Used unless Archive:DatasetLicence says otherwise; the maintainers decide it.</summary>
    public const string DefaultDatasetLicence =
        "The archive's selection, coding, reason definitions and notes are offered under the Creative Commons Attribution 4.0 " +
        "International licence (CC BY 4.0): reuse them, citing the dataset as below. The quoted words remain their speakers', as " +
        "published by the sources named with each statement; they are reproduced for research and teaching, and the sources' own " +
        "terms apply to them.";

    /// <summary>Folder of curated data files; relative paths are resolved against the content root.
    /// Empty: data/ beside the published app, else the repository's data/ folder.</summary>
    public string? DataPath { get; set; }

    /// <summary>Load data/ into an empty store at start-up.</summary>
    public bool LoadDataWhenEmpty { get; set; } = true;

    /// <summary>The licence text of /dataset.zip (its LICENCE.txt and README); empty: the default.</summary>
    public string? DatasetLicence { get; set; } = DefaultDatasetLicence;
}
