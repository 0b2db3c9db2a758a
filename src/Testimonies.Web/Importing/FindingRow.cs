namespace Testimonies.Web.Importing;

/// <summary>One row of findings.csv, typed. <see cref="At"/> is the record it came from, for locating problems.</summary>
public sealed record FindingRow(RawRecord At, string Key, string SourceKey, string? Footnote, string Wording, string Figure,
    double? Percent, string? PercentQualifier, string Dataset, int? DatasetSize, IReadOnlyList<string> ReasonSlugs);
