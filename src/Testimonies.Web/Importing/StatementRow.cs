namespace Testimonies.Web.Importing;

/// <summary>One row of statements.csv, typed. <see cref="At"/> is the record it came from, for locating problems.</summary>
public sealed record StatementRow(RawRecord At, string PublicId, string SourceKey, int Position, string? Section, string? Footnote,
    string SpeakerKey, StatementKind Kind, string Language, string Text, string? SaidWhen, IReadOnlyList<string> ReasonSlugs,
    string? Context, string? ContentNote, PublicationStatus Status, string? CorrectionNote, int? TextStart, string? TextPrefix,
    Provenance Provenance, string? ProvenanceWords, string? SpokenLanguage, bool? Translated);
