namespace Testimonies.Web.Api;

/// <summary>
/// A statement as the API gives it: the words, who said them as the source identifies them, and where the source prints them.
/// </summary>
public sealed record StatementItem(
    string Id, string Url, string Kind, string Language, string Text, SpeakerRef Speaker, SourceRef Source,
    string Locator, string? Section, string? Footnote, string? SaidWhen, IReadOnlyList<string> Reasons, string? Context,
    string? ContentNote);
