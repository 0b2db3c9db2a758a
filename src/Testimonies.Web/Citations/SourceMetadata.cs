namespace Testimonies.Web.Citations;

/// <summary>
/// Highwire citation_* tags of a source page: they describe the report itself (docs/citations.md). The publisher stands as
/// author when the report names none; citation_technical_report_institution makes Zotero save a report, not the journal
/// article it guesses from citation_title alone. No citation_public_url while the report's address is not recorded.
/// </summary>
public static class SourceMetadata
{
    public static IEnumerable<(string Key, string Content)> Tags(CitedWork work)
    {
        var date = work.Published;
        yield return ("citation_title", work.FullTitle);
        yield return ("citation_author", work.Creator);
        yield return ("citation_publication_date", date.Month is null ? $"{date.Year}" : date.Day is null
            ? $"{date.Year}/{date.Month:D2}" : $"{date.Year}/{date.Month:D2}/{date.Day:D2}");
        yield return ("citation_publisher", work.Publisher);
        yield return ("citation_technical_report_institution", work.Publisher);
        if (work.SeriesNumber is not null) yield return ("citation_technical_report_number", work.SeriesNumber);
        if (work.Series is not null) yield return ("citation_series_title", work.Series);
        if (work.Url is not null) yield return ("citation_public_url", work.Url);
        yield return ("citation_language", work.Language);
    }
}
