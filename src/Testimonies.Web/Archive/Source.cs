namespace Testimonies.Web.Archive;

/// <summary>A publication that reports statements: a report, a chapter of one, a book, an interview.</summary>
public class Source
{
    public int Id { get; set; }

    /// <summary>Stable reference used by data files and URLs, e.g. "csis-2016-ch9".</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }
    public string? Subtitle { get; set; }

    /// <summary>
    /// Title and subtitle in sentence case, as APA prints them ("… in the Middle East: Highlights from
    /// the workshop"). Given by a maintainer: only a person knows which words are proper nouns.
    /// Null: APA uses the title as stored.
    /// </summary>
    public string? TitleSentenceCase { get; set; }

    /// <summary>Short title for MLA in-text citations and Chicago short notes; null: derived from the title.</summary>
    public string? ShortTitle { get; set; }

    /// <summary>Chapter number or label when the source is one chapter of a larger work.</summary>
    public string? Chapter { get; set; }
    public string? ChapterTitle { get; set; }

    public string? Series { get; set; }
    public string? SeriesNumber { get; set; }

    public required string Publisher { get; set; }

    /// <summary>Null when the work names no author; citations then use the publisher.</summary>
    public string? Author { get; set; }

    public PartialDate Published { get; set; }

    /// <summary>Null until a maintainer records the exact address: never guessed.</summary>
    public string? Url { get; set; }

    public string Language { get; set; } = "en";

    /// <summary>Markdown.</summary>
    public string? Notes { get; set; }

    /// <summary>Every version of the source's full text, where the archive holds it.</summary>
    public List<SourceText> Texts { get; set; } = [];

    public List<Statement> Statements { get; set; } = [];
    public List<PublishedFinding> Findings { get; set; } = [];
}
