namespace Testimonies.Web.Importing;

/// <summary>One row of sources.csv, typed. <see cref="At"/> is the record it came from, for locating problems.</summary>
public sealed record SourceRow(RawRecord At, string Key, string Title, string? Subtitle, string? TitleSentenceCase, string? ShortTitle,
    string? Chapter, string? ChapterTitle, string? Series, string? SeriesNumber, string Publisher, string? Author, PartialDate Published,
    string? Url, string Language, string? Notes, string? TextFile, PartialDate? TextTaken, string? TextHeadings, string? TextEndsBefore,
    string? TextCorrectionNote);
