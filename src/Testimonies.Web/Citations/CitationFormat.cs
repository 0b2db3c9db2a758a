namespace Testimonies.Web.Citations;

/// <summary>The reference-manager formats the archive offers for download.</summary>
public enum CitationFormat
{
    BibTeX,
    Ris,
    CslJson,
}
