namespace Testimonies.Web.Api;

public sealed record SourceRef(string Key, string Title, string? Chapter, string? ChapterTitle, string Publisher, string Published,
    string? Url);
