namespace Testimonies.Web.Importing;

/// <summary>One row of decisions.csv, typed: an editor's decision on a statement its coders disagree on.</summary>
public sealed record DecisionRow(RawRecord At, string StatementId, int CodebookVersion, IReadOnlyList<string> ReasonSlugs,
    DateTimeOffset DecidedAt, string Why);
