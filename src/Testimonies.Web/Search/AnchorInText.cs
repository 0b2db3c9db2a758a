namespace Testimonies.Web.Search;

/// <summary>
/// Where a statement's words stand in the stored text of its source, as the open data give it (the place itself is
/// <see cref="TextPlace"/>): the text's version and
/// SHA-256, the span in Unicode code points with the words around it (W3C TextPositionSelector and TextQuoteSelector;
/// Exact is the statement's text), and the paragraph it begins in (docs/open-data.md).
/// </summary>
public sealed record AnchorInText(int TextVersion, string TextSha256, int Start, int End, string? Prefix, string Exact, string? Suffix,
    string? Section, int? ParagraphInSection, int? Paragraph);
