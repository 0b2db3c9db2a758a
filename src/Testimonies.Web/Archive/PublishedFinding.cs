namespace Testimonies.Web.Archive;

/// <summary>
/// A figure a source reports about its own dataset (e.g. 35 per cent of 60 narratives).
/// It is the source's finding, shown beside, never mixed with, counts of this archive.
/// </summary>
public class PublishedFinding
{
    public int Id { get; set; }
    public required string Key { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    public string? Footnote { get; set; }

    /// <summary>The source's own sentence, word for word.</summary>
    public required string Wording { get; set; }

    /// <summary>The figure as the source states it: "at least 21 individuals (35 per cent)".</summary>
    public required string Figure { get; set; }

    /// <summary>The percentage alone, for sorting and charts; the wording stays authoritative.</summary>
    public double? Percent { get; set; }

    /// <summary>The source's qualifier of the percentage ("at least", "just over"), shown with it; null when it gives none.</summary>
    public string? PercentQualifier { get; set; }

    /// <summary>The dataset the figure describes, as the source names it.</summary>
    public required string Dataset { get; set; }

    /// <summary>Number of cases in the dataset, only where the source states it (never worked out from a percentage).</summary>
    public int? DatasetSize { get; set; }

    public List<Reason> Reasons { get; set; } = [];
}
