using System.Globalization;
using static Testimonies.Web.Citations.CitationText;

namespace Testimonies.Web.Citations;

/// <summary>
/// APA 7, MLA 9 and Chicago 17 (notes and bibliography), written from the style guides (docs/citations.md).
/// A quotation reaches the reader through a publication, so it is cited as a secondary source:
/// "as cited in" (APA), "qtd. in" (MLA), "quoted in" (Chicago), naming the speaker as the source does.
/// A paraphrase is the publication's own words about the speaker, so the publication is cited directly.
/// </summary>
public static class CitationStyles
{
    public const string SiteName = "Testimonies";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IReadOnlyList<StyledCitation> All(CitedStatement statement) => [Apa(statement), Mla(statement), Chicago(statement)];

    // ---------------------------------------------------------------- APA 7

    public static StyledCitation Apa(CitedStatement s)
    {
        var work = s.Work;
        var where = ApaLocator(s);
        CitationText inText;
        string label;
        if (s.Kind == StatementKind.Paraphrase)
        {
            label = "In-text citation";
            inText = Of($"({work.Creator}, {work.Published.Year}, {where})");
        }
        else if (s.SpeakerName is not null)
        {
            label = "In-text citation";
            inText = Of($"({s.SpeakerName}, as cited in {work.Creator}, {work.Published.Year}, {where})");
        }
        else
        {
            // A described speaker reads best as a narrative citation that opens the sentence.
            label = "In-text citation (narrative)";
            inText = Of($"{Rendering.Sentence.Start(s.SpeakerDescription)} (as cited in {work.Creator}, {work.Published.Year}, {where})");
        }
        var page = Of($"{SiteName}. (n.d.). ", Italic(s.PageTitle), $" [{s.Kind.Label()}]. ",
            $"Retrieved {ApaDate(s.Accessed)}, from {s.Permalink}");
        return new("APA 7", label, inText, null, ApaReference(work), page);
    }

    /// <summary>
    /// APA 7 §8.28: a work without page numbers is located by heading and paragraph, counting paragraphs ("Fighting Injustice
    /// section, para. 1"; "para. 16" where the section has no heading, counted through the text). The chapter comes first
    /// because the paragraphs are counted in the chapter's text while the reference is the whole report.
    /// </summary>
    public static string ApaLocator(CitedStatement s)
    {
        var parts = new List<string>();
        if (s.Work.Chapter is not null) parts.Add($"Chapter {s.Work.Chapter}");
        if (s.Place is { } place)
            parts.Add(place.Heading is { } heading
                ? string.Create(English, $"{TitleCase.Headline(Roman(heading))} section, para. {place.NumberInSection}")
                : string.Create(English, $"para. {place.Number}"));
        else if (s.Section is not null) parts.Add($"{TitleCase.Headline(Roman(s.Section))} section");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The report: group author, year, title in sentence case, series and number; the publisher only when it is not the author.
    /// </summary>
    public static CitationText ApaReference(CitedWork work) =>
        Of($"{TitleCase.EndWithPeriod(work.Creator)} ({work.Published.Year}). ", Italic(ApaTitle(work)), ApaSeries(work),
            ".", work.PublisherIsAuthor ? "" : $" {TitleCase.EndWithPeriod(work.Publisher)}", work.Url is null ? "" : $" {work.Url}");

    private static string ApaTitle(CitedWork work) => work.TitleSentenceCase ?? work.FullTitle;

    private static string ApaSeries(CitedWork work) => work.Series is null ? ""
        : work.SeriesNumber is null ? $" ({work.Series})" : $" ({work.Series}, Publication No. {work.SeriesNumber})";

    private static string ApaDate(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    // ---------------------------------------------------------------- MLA 9

    public static StyledCitation Mla(CitedStatement s)
    {
        var work = s.Work;
        var locator = new List<string> { Italic(MlaShortTitle(work)) };
        // MLA 9 gives "par." and "sec." only for paragraphs and sections the source numbers itself; this text numbers neither,
        // so no paragraph is counted and no heading cited. The chapter is labelled by the source, so "ch." stays.
        if (work.Chapter is not null) locator.Add($"ch. {work.Chapter}");
        // MLA names the speaker in the sentence that quotes them; the parenthesis says where the words were read.
        var inText = Of(s.Kind == StatementKind.Paraphrase ? "(" : "(qtd. in ", string.Join(", ", locator), ")");
        var label = s.Kind == StatementKind.Paraphrase
            ? "In-text citation"
            : $"In-text citation, after words you attribute to {Roman(s.Speaker)} in your sentence";
        var page = Of($"“{TitleCase.EndWithPeriod(TitleCase.Headline(s.PageTitle))}” ", Italic(SiteName),
            $", {WithoutScheme(s.Permalink)}. Accessed {MlaDate(s.Accessed)}.");
        return new("MLA 9", label, inText, null, MlaReference(work), page);
    }

    /// <summary>
    /// An organisation that is both author and publisher is named once, as publisher, and the entry begins with the title.
    /// </summary>
    public static CitationText MlaReference(CitedWork work) =>
        Of(work.PublisherIsAuthor ? "" : $"{TitleCase.EndWithPeriod(work.Creator)} ", Italic(TitleCase.Headline(work.FullTitle)), ". ",
            $"{work.Publisher}, {MlaDate(work.Published)}", work.Url is null ? "" : $", {WithoutScheme(work.Url)}", ".", MlaSeries(work));

    public static CitationText MlaChapterReference(CitedWork work) => work.ChapterTitle is null ? MlaReference(work) :
        Of(work.PublisherIsAuthor ? "" : $"{TitleCase.EndWithPeriod(work.Creator)} ",
            $"“{TitleCase.EndWithPeriod(TitleCase.Headline(work.ChapterTitle))}” ",
            Italic(TitleCase.Headline(work.FullTitle)), $", {work.Publisher}, {MlaDate(work.Published)}, ch. {work.Chapter}",
            work.Url is null ? "" : $", {WithoutScheme(work.Url)}", ".", MlaSeries(work));

    private static string MlaSeries(CitedWork work) =>
        work.Series is null ? "" : $" {work.Series}{(work.SeriesNumber is null ? "" : $", no. {work.SeriesNumber}")}.";

    private static string MlaShortTitle(CitedWork work) => work.ShortTitle ?? TitleCase.ShortTitle(work.Title);

    private static readonly string[] MlaMonths =
        ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static string MlaDate(PartialDate date) => (date.Month, date.Day) switch
    {
        (null, _) => $"{date.Year}",
        (int month, null) => $"{MlaMonths[month - 1]} {date.Year}",
        (int month, int day) => $"{day} {MlaMonths[month - 1]} {date.Year}",
    };

    private static string MlaDate(DateOnly date) => MlaDate(new PartialDate(date.Year, date.Month, date.Day));

    /// <summary>MLA prints web addresses without http:// or https://.</summary>
    private static string WithoutScheme(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..]
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url[7..]
            : url;

    // ---------------------------------------------------------------- Chicago 17, notes and bibliography

    public static StyledCitation Chicago(CitedStatement s)
    {
        var work = s.Work;
        var locator = ChicagoLocator(s);
        var quoted = s.Kind == StatementKind.Quotation ? $"{Rendering.Sentence.Start(s.Speaker)}{ChicagoInterview(s)}, quoted in " : "";
        var note = Of($"1. {quoted}{work.Creator}, ", Italic(TitleCase.Headline(work.FullTitle)), ChicagoSeries(work, ", "),
            $" (n.p.: {work.Publisher}, {work.Published.Year}), ",
            TitleCase.EndWithPeriod(locator + (work.Url is null ? "" : $", {work.Url}")));
        var shortQuoted = s.Kind == StatementKind.Quotation ? $"{Rendering.Sentence.Start(s.Speaker)}, quoted in " : "";
        var shortNote = Of($"2. {shortQuoted}{work.Creator}, ", Italic(work.ShortTitle ?? TitleCase.ShortTitle(work.Title)), ", ",
            TitleCase.EndWithPeriod(locator));
        var page = Of(
            $"“{TitleCase.EndWithPeriod(TitleCase.Headline(s.PageTitle))}” {SiteName}. Accessed {ApaDate(s.Accessed)}. {s.Permalink}.");
        return new("Chicago 17 (notes and bibliography)", "Note (first citation)", note, shortNote, ChicagoReference(work), page);
    }

    /// <summary>
    /// Chicago 17 §14.174 (unpaginated electronic sources): a chapter, a section heading with "under", or a paragraph number
    /// only where the source numbers its paragraphs (this one does not, so none is counted).
    /// </summary>
    public static string ChicagoLocator(CitedStatement s)
    {
        var parts = new List<string>();
        if (s.Work.Chapter is not null) parts.Add($"chap. {s.Work.Chapter}");
        var heading = s.Place is { } place ? place.Heading : s.Section;
        if (heading is not null) parts.Add($"under “{TitleCase.Headline(Roman(heading))}”");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// ", in an interview with the chapter’s author": only when the source says the words were told to its author and its
    /// own words say "interview". "By the author" is avoided: in Chicago it would mean the person writing the citation.
    /// </summary>
    private static string ChicagoInterview(CitedStatement s) =>
        s.Provenance == Provenance.ToldToAuthor && s.ProvenanceWords?.Contains("interview", StringComparison.OrdinalIgnoreCase) == true
            ? $", in an interview with the {(s.Work.Chapter is null ? "work" : "chapter")}’s author"
            : "";

    public static CitationText ChicagoReference(CitedWork work) =>
        Of($"{TitleCase.EndWithPeriod(work.Creator)} ", Italic(TitleCase.Headline(work.FullTitle)), ".", ChicagoSeries(work, " ", "."),
            $" {ChicagoNoPlace}: {work.Publisher}, {work.Published.Year}.", work.Url is null ? "" : $" {work.Url}.");

    /// <summary>Chicago 17 §14.129: the place of publication is not recorded, so "N.p." stands for it (never a guessed city).</summary>
    private const string ChicagoNoPlace = "N.p.";

    public static CitationText ChicagoChapterReference(CitedWork work) => work.ChapterTitle is null ? ChicagoReference(work) :
        Of($"{TitleCase.EndWithPeriod(work.Creator)} " +
            $"“{TitleCase.EndWithPeriod(TitleCase.Headline(work.ChapterTitle))}” Chap. {work.Chapter} in ",
            Italic(TitleCase.Headline(work.FullTitle)), ".", ChicagoSeries(work, " ", "."),
            $" {ChicagoNoPlace}: {work.Publisher}, {work.Published.Year}.",
            work.Url is null ? "" : $" {work.Url}.");

    private static string ChicagoSeries(CitedWork work, string before, string after = "") =>
        work.Series is null ? "" : $"{before}{work.Series}{(work.SeriesNumber is null ? "" : $" {work.SeriesNumber}")}{after}";
}
