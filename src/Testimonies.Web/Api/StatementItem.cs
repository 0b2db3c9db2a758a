using Testimonies.Web.Search;

namespace Testimonies.Web.Api;

/// <summary>
/// A statement as the API gives it: the words, who said them as the source identifies them, where the source prints them
/// (and, where the source's text is stored, where they stand in it: <see cref="Anchor"/>), and how the words reached the source.
/// Translated is yes, no or null where the source does not say. <see cref="Version"/> is the number of the statement's current
/// citable version, whose page is {Url}/v/{Version} (docs/citations.md, "Citing a version").
/// </summary>
public sealed record StatementItem(
    string Id, string Url, string Kind, string Language, string Text, SpeakerRef Speaker, SourceRef Source,
    string Locator, string? Section, string? Footnote, string? SaidWhen, IReadOnlyList<string> Reasons, string? Context,
    string? ContentNote, AnchorInText? Anchor, string Provenance, string? ProvenanceWords, string? SpokenLanguage, string? Translated,
    int? Version);
