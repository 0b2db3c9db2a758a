namespace Testimonies.Web.Api;

/// <summary>A statement as the API gives it: the words, who said them as the source identifies them, and where the source prints them.</summary>
public sealed record StatementItem(
    string Id, string Url, string Kind, string Language, string Text, SpeakerRef Speaker, SourceRef Source,
    string Locator, string? Section, string? Footnote, string? SaidWhen, IReadOnlyList<string> Reasons, string? Context, string? ContentNote);

public sealed record SpeakerRef(string Key, string? Name, string Description, string? Nationality, string Role, bool IsGroup);

public sealed record SourceRef(string Key, string Title, string? Chapter, string? ChapterTitle, string Publisher, string Published, string? Url);

/// <summary>One page of statements; <c>Next</c> is the address of the following page, or null on the last.</summary>
public sealed record StatementPage(int Total, int Page, int PageSize, IReadOnlyList<StatementItem> Statements, string? Next);

public sealed record ReasonItem(string Slug, string Name, string Theme, string Definition, string? Boundary, int Statements);

public sealed record SpeakerItem(string Key, string? Name, string Description, string? Nationality, string Role, bool IsGroup, int Statements);

public sealed record SourceItem(string Key, string Title, string? Subtitle, string? Chapter, string? ChapterTitle, string? Series, string? SeriesNumber,
    string Publisher, string? Author, string Published, string? Url, int Statements);

/// <summary>A figure a source reports about its own dataset, as published: never a count of this archive.</summary>
public sealed record FindingItem(string Key, string Source, string? Footnote, string Wording, string Figure, double? Percent, string Dataset, int? DatasetSize, IReadOnlyList<string> Reasons);
