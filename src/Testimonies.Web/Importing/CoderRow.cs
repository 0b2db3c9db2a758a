namespace Testimonies.Web.Importing;

/// <summary>One row of coders.csv, typed.</summary>
public sealed record CoderRow(RawRecord At, string Key, string Label, string? Notes);
