namespace Testimonies.Web.Api;

/// <summary>
/// A figure a source reports about its own dataset, as published: never a count of this archive. PercentQualifier is the
/// source's word for the percentage ("at least"); DatasetSize only where the source states it for this figure.
/// </summary>
public sealed record FindingItem(string Key, string Source, string? Footnote, string Wording, string Figure, double? Percent,
    string? PercentQualifier, string Dataset, int? DatasetSize, IReadOnlyList<string> Reasons);
