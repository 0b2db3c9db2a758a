namespace Testimonies.Web.Importing;

/// <summary>One row of reasons.csv, typed. <see cref="At"/> is the record it came from, for locating problems.</summary>
public sealed record ReasonRow(RawRecord At, string Slug, string Name, Theme Theme, string Definition, string? Boundary, int Position);
