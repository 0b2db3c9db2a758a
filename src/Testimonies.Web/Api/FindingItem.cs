namespace Testimonies.Web.Api;

/// <summary>A figure a source reports about its own dataset, as published: never a count of this archive.</summary>
public sealed record FindingItem(string Key, string Source, string? Footnote, string Wording, string Figure, double? Percent,
    string Dataset, int? DatasetSize, IReadOnlyList<string> Reasons);
