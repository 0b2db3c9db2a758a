namespace Testimonies.Web.Api;

public sealed record SourceItem(string Key, string Title, string? Subtitle, string? Chapter, string? ChapterTitle, string? Series,
    string? SeriesNumber, string Publisher, string? Author, string Published, string? Url, int Statements);
