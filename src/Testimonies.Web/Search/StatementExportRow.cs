namespace Testimonies.Web.Search;

/// <summary>
/// A statement as a row of the site's statement CSV files (/search.csv, /api/v1/statements.csv) and of
/// /search.json: one shape, described in docs/open-data.md beside the import format it differs from.
/// </summary>
public sealed record StatementExportRow(
    string Id, string Url, string Kind, string Language, string Text, string Speaker, string SpeakerKey, string SpeakerDescription,
    string? Nationality, string Role, string Source, string SourceTitle, string Locator, string? Section, string? Footnote,
    string? SaidWhen, IReadOnlyList<string> Reasons, string? ContentNote)
{
    public static readonly string[] Columns =
        ["id", "url", "kind", "language", "text", "speaker", "speaker_key", "speaker_description", "nationality", "role",
         "source", "source_title", "locator", "section", "footnote", "said_when", "reasons", "content_note"];

    /// <summary>The cells in <see cref="Columns"/>' order; reasons joined by ";" as in the import format.</summary>
    public string?[] Cells => [Id, Url, Kind, Language, Text, Speaker, SpeakerKey, SpeakerDescription, Nationality, Role, Source,
        SourceTitle, Locator, Section, Footnote, SaidWhen, string.Join(';', Reasons), ContentNote];
}
