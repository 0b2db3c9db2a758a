using System.Xml;

namespace Testimonies.Web.RefiQda;

/// <summary>
/// The codebook as REFI-QDA codes, the same in a project (.qdpx) and in a codebook file (.qdc): the themes as parent codes
/// (not codable themselves), the reasons as their children, and one code for "no reason of the codebook applies" (a coder's
/// judgement the archive records). Every description is the archive's, and says so.
/// </summary>
public static class QdaCodebook
{
    public const string NoReasonName = "No reason of the codebook applies";

    /// <summary>Writes the Codes element (the caller writes the CodeBook around it).</summary>
    public static void WriteCodes(XmlWriter xml, IReadOnlyList<CodebookCode> codes, string? versionNote)
    {
        xml.WriteStartElement("Codes");
        foreach (var theme in Names.Themes.Values)
        {
            var children = codes.Where(c => c.Theme == theme.Slug())
                .OrderBy(c => c.Position).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();
            if (children.Count == 0) continue;
            xml.WriteStartElement("Code");
            xml.WriteAttributeString("guid", QdaGuid.Theme(theme.Slug()));
            xml.WriteAttributeString("name", theme.Name());
            xml.WriteAttributeString("isCodable", "false");
            xml.WriteElementString("Description", $"A theme of the Testimonies archive's codebook{versionNote}; its reasons are the " +
                "codes beneath it.");
            foreach (var code in children)
            {
                xml.WriteStartElement("Code");
                xml.WriteAttributeString("guid", QdaGuid.Code(code.Slug));
                xml.WriteAttributeString("name", QdaProject.XmlSafe(code.Name));
                xml.WriteAttributeString("isCodable", "true");
                xml.WriteElementString("Description", QdaProject.XmlSafe(Description(code, versionNote)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("Code");
        xml.WriteAttributeString("guid", QdaGuid.NoReasonCode);
        xml.WriteAttributeString("name", NoReasonName);
        xml.WriteAttributeString("isCodable", "true");
        xml.WriteElementString("Description", "The Testimonies archive's code for a coder's judgement that none of the codebook's " +
            "reasons applies to a statement.");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The archive's definition and boundary, marked as the archive's (not a source's words).</summary>
    public static string Description(CodebookCode code, string? versionNote) =>
        $"The Testimonies archive's definition{versionNote} (code “{code.Slug}”): {code.Definition}" +
        (code.Boundary is { Length: > 0 } boundary ? $"\nThe archive's boundary (not this reason when): {boundary}" : "");
}
