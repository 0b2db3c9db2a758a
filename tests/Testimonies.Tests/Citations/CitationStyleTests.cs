using Testimonies.Web.Archive;
using Testimonies.Web.Citations;

namespace Testimonies.Tests.Citations;

/// <summary>
/// Golden citations, written by hand from APA 7, MLA 9 and Chicago 17 for three seed statements: a named
/// speaker (csis16-04), an anonymous one (csis16-03) and a paraphrase (csis16-13). Italics show as &lt;i&gt;.
/// The facts are those of data/sources.csv and data/statements.csv.
/// </summary>
public class CitationStyleTests
{
    private static readonly CitedWork Chapter9 = new(
        Key: "csis-2016-ch9",
        Title: "The Foreign Fighters Phenomenon and Related Security Trends in the Middle East",
        Subtitle: "Highlights from the workshop",
        TitleSentenceCase: "The foreign fighters phenomenon and related security trends in the Middle East: Highlights from the workshop",
        ShortTitle: "Foreign Fighters Phenomenon",
        Chapter: "9", ChapterTitle: "Why do people leave ISIL?",
        Series: "World Watch: Expert Notes", SeriesNumber: "2016-01-01",
        Publisher: "Canadian Security Intelligence Service", Author: null,
        Published: new PartialDate(2016, 1), Url: null, Language: "en");

    private static readonly DateOnly Accessed = new(2026, 11, 25);

    // Places as the stored text gives them (LocatorTests checks them against data/sources/csis-2016-ch9.txt).
    private static CitedStatement Statement(string id, StatementKind kind, string? name, string description, TextPlace? place,
        string? section, string text) =>
        new(id, text, kind, "en", name, description, section, Chapter9, $"https://testimonies.example/s/{id}", Accessed, place);

    private static readonly CitedStatement Named = Statement("csis16-04", StatementKind.Quotation, "Abu Ibrahim",
        "an Australian defector called Abu Ibrahim", new TextPlace("Fighting injustice", 5, 8), "Fighting injustice",
        "I wasn't doing what I had initially come for and that's to help in a humanitarian sense the people of Syria");

    private static readonly CitedStatement Anonymous = Statement("csis16-03", StatementKind.Quotation, null,
        "a disillusioned British fighter from London", new TextPlace("Fighting injustice", 4, 7), "Fighting injustice",
        "Muslims are fighting Muslims; I didn’t come for that");

    private static readonly CitedStatement NoHeading = Statement("csis16-18", StatementKind.Quotation, null,
        "a British foreign fighter", new TextPlace(null, 1, 16), null, "They found out jihad is not what they thought") with
    {
        Provenance = Provenance.ToldToAuthor,
        ProvenanceWords = "a British foreign fighter told the author during an extensive interview",
    };

    private static readonly CitedStatement NotAnchored = Statement("csis16-03", StatementKind.Quotation, null,
        "a disillusioned British fighter from London", null, "Fighting injustice", "Muslims are fighting Muslims; I didn’t come for that");

    private static readonly CitedStatement Paraphrase = Statement("csis16-13", StatementKind.Paraphrase, null, "an Indian fighter",
        new TextPlace("Islamic unity", 3, 11), "Islamic unity",
        "Perhaps the best known case in this regard is of an Indian fighter who alleged that his Asian background resulted in him being "
            + "given menial and degrading tasks, such as being ordered to clean toilets.");

    private const string ApaReport = "Canadian Security Intelligence Service. (2016). <i>The foreign fighters phenomenon and related "
        + "security trends in the Middle East: Highlights from the workshop</i> (World Watch: Expert Notes, Publication No. 2016-01-01).";
    private const string MlaReport = "<i>The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from "
        + "the Workshop</i>. Canadian Security Intelligence Service, Jan. 2016. World Watch: Expert Notes, no. 2016-01-01.";
    private const string ChicagoReport = "Canadian Security Intelligence Service. <i>The Foreign Fighters Phenomenon and Related Security "
        + "Trends in the Middle East: Highlights from the Workshop</i>. World Watch: Expert Notes 2016-01-01. N.p.: Canadian Security "
        + "Intelligence Service, 2016.";
    private const string ChicagoPublication = "Canadian Security Intelligence Service, <i>The Foreign Fighters Phenomenon and Related "
        + "Security Trends in the Middle East: Highlights from the Workshop</i>, World Watch: Expert Notes 2016-01-01 (n.p.: Canadian "
        + "Security Intelligence Service, 2016)";

    [Fact]
    public void ApaCitesANamedSpeakerAsCitedInThePublication()
    {
        var apa = CitationStyles.Apa(Named);
        Assert.Equal("(Abu Ibrahim, as cited in Canadian Security Intelligence Service, 2016, Chapter 9, Fighting Injustice section, "
            + "para. 5)", apa.InText.Html);
        Assert.Equal(ApaReport, apa.Reference.Html);
        Assert.Equal("Testimonies. (n.d.). <i>Statement csis16-04: Abu Ibrahim</i> [Quotation]. Retrieved November 25, 2026, from "
            + "https://testimonies.example/s/csis16-04", apa.PageReference.Html);
    }

    [Fact]
    public void ApaCitesAnAnonymousSpeakerInANarrativeCitation()
    {
        var apa = CitationStyles.Apa(Anonymous);
        Assert.Equal("A disillusioned British fighter from London (as cited in Canadian Security Intelligence Service, 2016, Chapter 9, "
            + "Fighting Injustice section, para. 4)", apa.InText.Html);
        Assert.Equal(ApaReport, apa.Reference.Html);
        Assert.Equal("Testimonies. (n.d.). <i>Statement csis16-03: A disillusioned British fighter from London</i> [Quotation]. Retrieved "
            + "November 25, 2026, from https://testimonies.example/s/csis16-03", apa.PageReference.Html);
    }

    [Fact]
    public void ApaCitesAParaphraseAsThePublicationsOwnWords()
    {
        var apa = CitationStyles.Apa(Paraphrase);
        Assert.Equal("(Canadian Security Intelligence Service, 2016, Chapter 9, Islamic Unity section, para. 3)", apa.InText.Html);
        Assert.Equal("Testimonies. (n.d.). <i>Statement csis16-13: An Indian fighter</i> [Paraphrase]. Retrieved November 25, 2026, from "
            + "https://testimonies.example/s/csis16-13", apa.PageReference.Html);
    }

    [Fact]
    public void MlaCitesQuotationsQuotedInTheShortTitle()
    {
        var named = CitationStyles.Mla(Named);
        Assert.Equal("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", named.InText.Html);
        Assert.Contains("Abu Ibrahim", named.InTextLabel, StringComparison.Ordinal);
        Assert.Equal(MlaReport, named.Reference.Html);
        Assert.Equal("“Statement csis16-04: Abu Ibrahim.” <i>Testimonies</i>, testimonies.example/s/csis16-04. Accessed 25 Nov. 2026.",
            named.PageReference.Html);

        var anonymous = CitationStyles.Mla(Anonymous);
        Assert.Equal("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", anonymous.InText.Html);
        Assert.Contains("a disillusioned British fighter from London", anonymous.InTextLabel, StringComparison.Ordinal);
        Assert.Equal("“Statement csis16-03: A Disillusioned British Fighter from London.” <i>Testimonies</i>, "
            + "testimonies.example/s/csis16-03. Accessed 25 Nov. 2026.", anonymous.PageReference.Html);
    }

    [Fact]
    public void MlaCitesAParaphraseWithoutQtdIn()
    {
        var mla = CitationStyles.Mla(Paraphrase);
        Assert.Equal("(<i>Foreign Fighters Phenomenon</i>, ch. 9)", mla.InText.Html);
        Assert.Equal(MlaReport, mla.Reference.Html);
    }

    [Fact]
    public void ChicagoNotesSayQuotedInAndTheBibliographyListsThePublication()
    {
        var named = CitationStyles.Chicago(Named);
        Assert.Equal($"1. Abu Ibrahim, quoted in {ChicagoPublication}, chap. 9, under “Fighting Injustice.”", named.InText.Html);
        Assert.Equal("2. Abu Ibrahim, quoted in Canadian Security Intelligence Service, "
            + "<i>Foreign Fighters Phenomenon</i>, chap. 9, under “Fighting Injustice.”", named.ShortNote!.Html);
        Assert.Equal(ChicagoReport, named.Reference.Html);
        Assert.Equal("“Statement csis16-04: Abu Ibrahim.” Testimonies. Accessed November 25, 2026. "
            + "https://testimonies.example/s/csis16-04.", named.PageReference.Html);

        var anonymous = CitationStyles.Chicago(Anonymous);
        Assert.Equal($"1. A disillusioned British fighter from London, quoted in {ChicagoPublication}, chap. 9, "
            + "under “Fighting Injustice.”",
            anonymous.InText.Html);
    }

    [Fact]
    public void ChicagoCitesAParaphraseByItsSection()
    {
        var chicago = CitationStyles.Chicago(Paraphrase);
        Assert.Equal($"1. {ChicagoPublication}, chap. 9, under “Islamic Unity.”", chicago.InText.Html);
        Assert.Equal("2. Canadian Security Intelligence Service, <i>Foreign Fighters Phenomenon</i>, chap. 9, under “Islamic Unity.”",
            chicago.ShortNote!.Html);
    }

    [Fact]
    public void AParagraphWithoutHeadingIsCountedInTheWholeTextInApaOnly()
    {
        Assert.Equal("A British foreign fighter (as cited in Canadian Security Intelligence Service, 2016, Chapter 9, para. 16)",
            CitationStyles.Apa(NoHeading).InText.Html);
        Assert.Equal("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", CitationStyles.Mla(NoHeading).InText.Html);
        var chicago = CitationStyles.Chicago(NoHeading);
        Assert.Equal($"1. A British foreign fighter, in an interview with the chapter’s author, quoted in {ChicagoPublication}, chap. 9.",
            chicago.InText.Html);
        Assert.Equal("2. A British foreign fighter, quoted in Canadian Security Intelligence Service, <i>Foreign Fighters Phenomenon</i>, "
            + "chap. 9.", chicago.ShortNote!.Html);
    }

    [Fact]
    public void WithoutAnAnchorTheSectionHeadingStandsAndNeverAFootnote()
    {
        Assert.Equal("A disillusioned British fighter from London (as cited in Canadian Security Intelligence Service, 2016, Chapter 9, "
            + "Fighting Injustice section)", CitationStyles.Apa(NotAnchored).InText.Html);
        Assert.Equal("(qtd. in <i>Foreign Fighters Phenomenon</i>, ch. 9)", CitationStyles.Mla(NotAnchored).InText.Html);
        Assert.EndsWith("chap. 9, under “Fighting Injustice.”", CitationStyles.Chicago(NotAnchored).InText.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChapterIsCitedAsAPartOfTheReportInMlaAndChicago()
    {
        Assert.Equal("“Why Do People Leave ISIL?” <i>The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: "
            + "Highlights from the Workshop</i>, Canadian Security Intelligence Service, Jan. 2016, ch. 9. World Watch: Expert Notes, no. "
            + "2016-01-01.",
            CitationStyles.MlaChapterReference(Chapter9).Html);
        Assert.Equal("Canadian Security Intelligence Service. “Why Do People Leave ISIL?” Chap. 9 in <i>The Foreign Fighters Phenomenon "
            + "and Related Security Trends in the Middle East: Highlights from the Workshop</i>. World Watch: Expert Notes 2016-01-01. "
            + "N.p.: Canadian Security Intelligence Service, 2016.",
            CitationStyles.ChicagoChapterReference(Chapter9).Html);
    }

    [Fact]
    public void AWorkWithAUrlAndAPersonalAuthorNamesBoth()
    {
        var work = Chapter9 with { Author = "Jane Doe", Url = "https://publisher.example/report", Series = null, SeriesNumber = null };
        Assert.Equal("Jane Doe. (2016). <i>The foreign fighters phenomenon and related security trends in the Middle East: Highlights "
            + "from the workshop</i>. Canadian Security Intelligence Service. https://publisher.example/report",
            CitationStyles.ApaReference(work).Html);
        Assert.Equal("Jane Doe. <i>The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the "
            + "Workshop</i>. Canadian Security Intelligence Service, Jan. 2016, publisher.example/report.",
            CitationStyles.MlaReference(work).Html);
        Assert.Equal("Jane Doe. <i>The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the "
            + "Workshop</i>. N.p.: Canadian Security Intelligence Service, 2016. https://publisher.example/report.",
            CitationStyles.ChicagoReference(work).Html);
    }

    [Fact]
    public void PlainTextDropsTheItalicsAndHtmlEncodesArchiveText()
    {
        var work = Chapter9 with { TitleSentenceCase = "Fighters <b>& \u0002friends\u0003", Series = null, SeriesNumber = null };
        var apa = CitationStyles.ApaReference(work);
        Assert.Equal("Canadian Security Intelligence Service. (2016). Fighters <b>& friends.", apa.Plain);
        Assert.Equal("Canadian Security Intelligence Service. (2016). <i>Fighters &lt;b&gt;&amp; friends</i>.", apa.Html);
    }

    [Theory]
    [InlineData("why do people leave ISIL?", "Why Do People Leave ISIL?")]
    [InlineData("The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the workshop",
        "The Foreign Fighters Phenomenon and Related Security Trends in the Middle East: Highlights from the Workshop")]
    [InlineData("a war to fight for", "A War to Fight For")]
    [InlineData("Statement csis16-03: a disillusioned British fighter from London",
        "Statement csis16-03: A Disillusioned British Fighter from London")]
    [InlineData("Life In The Caliphate", "Life in the Caliphate")]
    public void HeadlineStyleCapitalisesAsMlaAndChicagoDo(string title, string expected) =>
        Assert.Equal(expected, TitleCase.Headline(title));
}
