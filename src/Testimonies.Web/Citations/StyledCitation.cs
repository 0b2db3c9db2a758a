namespace Testimonies.Web.Citations;

/// <summary>One style's citation of a statement: how to cite it in the text, and the entries for the reference list.</summary>
/// <param name="InTextLabel">What <paramref name="InText"/> is: "In-text citation", "Note" and so on.</param>
/// <param name="ShortNote">Chicago's shortened note for later citations; null in other styles.</param>
/// <param name="Reference">The publication's entry in the reference list, works cited or bibliography.</param>
/// <param name="PageReference">The archive page's entry, with its permalink and access date.</param>
public sealed record StyledCitation(string Style, string InTextLabel, CitationText InText, CitationText? ShortNote, CitationText Reference,
    CitationText PageReference)
{
    /// <summary>The parts in reading order, each with its heading as the style names it.</summary>
    public IEnumerable<(string Heading, CitationText Text)> Parts()
    {
        yield return (InTextLabel, InText);
        if (ShortNote is not null) yield return ("Shortened note (later citations)", ShortNote);
        var list = Style.StartsWith("APA", StringComparison.Ordinal) ? "Reference list"
            : Style.StartsWith("MLA", StringComparison.Ordinal) ? "Works cited"
            : "Bibliography";
        yield return ($"{list}: the publication", Reference);
        yield return ($"{list}: the archive page", PageReference);
    }
}
