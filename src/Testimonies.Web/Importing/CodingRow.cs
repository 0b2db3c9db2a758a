namespace Testimonies.Web.Importing;

/// <summary>
/// One row of codings.csv, typed: one coder's judgement that a reason applies to a statement (no reason: none applies). All rows
/// of one statement and coder together are that coder's whole coding of the statement.
/// </summary>
public sealed record CodingRow(RawRecord At, string StatementId, string CoderKey, string? ReasonSlug, Confidence? Confidence,
    int CodebookVersion, DateTimeOffset? CodedAt, string? Note, string? Words);
