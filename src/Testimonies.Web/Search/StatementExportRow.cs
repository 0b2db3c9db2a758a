using System.Globalization;

namespace Testimonies.Web.Search;

/// <summary>
/// A statement as a row of the site's statement CSV files (/search.csv, /api/v1/statements.csv) and of
/// /search.json: one shape, described in docs/open-data.md beside the import format it differs from.
/// </summary>
public sealed record StatementExportRow(
    string Id, string Url, string Kind, string Language, string Text, string? Speaker, string SpeakerKey, string SpeakerDescription,
    string? SpeakerLabel, string? Nationality, string Role, string RoleLabel, string Source, string SourceTitle, string Locator,
    string? Section, string? Footnote, string? SaidWhen, IReadOnlyList<string> Reasons, IReadOnlyList<string> ReasonLabels,
    string? Context, string? ContentNote, AnchorInText? Place, string Provenance, string? ProvenanceWords, string? SpokenLanguage,
    bool? Translated, string CitationApa)
{
    public static readonly string[] Columns =
        ["id", "url", "kind", "language", "text", "speaker", "speaker_key", "speaker_description", "speaker_label", "nationality",
         "role", "role_label", "source", "source_title", "locator", "section", "footnote", "said_when", "reasons", "reason_labels",
         "context", "content_note",
         "text_version", "text_sha256", "anchor_start", "anchor_end", "anchor_prefix", "anchor_exact", "anchor_suffix",
         "text_section", "text_paragraph_in_section", "text_paragraph",
         "provenance", "provenance_words", "spoken_language", "translated", "citation_apa"];

    /// <summary>Columns that hold whole numbers: /search.json writes them as numbers.</summary>
    public static readonly IReadOnlySet<string> NumberColumns =
        new HashSet<string>(["text_version", "anchor_start", "anchor_end", "text_paragraph_in_section", "text_paragraph"]);

    /// <summary>The cells in <see cref="Columns"/>' order; reasons and their labels joined by ";" as in the import format.</summary>
    public string?[] Cells => [Id, Url, Kind, Language, Text, Speaker, SpeakerKey, SpeakerDescription, SpeakerLabel, Nationality, Role,
        RoleLabel, Source, SourceTitle, Locator, Section, Footnote, SaidWhen, string.Join(';', Reasons), string.Join(';', ReasonLabels),
        Context, ContentNote,
        Number(Place?.TextVersion), Place?.TextSha256, Number(Place?.Start), Number(Place?.End), Place?.Prefix, Place?.Exact,
        Place?.Suffix, Place?.Section, Number(Place?.ParagraphInSection), Number(Place?.Paragraph),
        Provenance, ProvenanceWords, SpokenLanguage, YesNo(Translated), CitationApa];

    /// <summary>yes, no, or empty where the source does not say (as the import format writes it).</summary>
    public static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
