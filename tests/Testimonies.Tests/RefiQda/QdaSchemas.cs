using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.RefiQda;

/// <summary>
/// REFI-QDA's Project.xsd (QDA-XML 1.0, copied from ../shared/standards/refi-qda, MIT licence, notice kept in the file), and a
/// codebook schema derived from it for .qdc files: the same types in the codebook namespace, with a CodeBook root element
/// carrying an origin attribute (the standard's Codebook.xsd is not in the standards folder).
/// </summary>
public static class QdaSchemas
{
    public static string ProjectXsd => Path.Combine(RepositoryPaths.Root, "tests", "Testimonies.Tests", "RefiQda", "Project.xsd");

    /// <summary>Every error and warning of the document against the schema (none: valid).</summary>
    public static List<string> ValidateProject(byte[] xml) => Validate(xml, XmlSchema.Read(XmlReader.Create(ProjectXsd), null)!);

    public static List<string> ValidateCodebook(byte[] xml)
    {
        var text = File.ReadAllText(ProjectXsd).Replace("urn:QDA-XML:project:1.0", "urn:QDA-XML:codebook:1.0", StringComparison.Ordinal);
        var schema = XDocument.Parse(text);
        XNamespace xsd = "http://www.w3.org/2001/XMLSchema";
        var codeBookType = schema.Root!.Elements(xsd + "complexType").Single(e => (string?)e.Attribute("name") == "CodeBookType");
        codeBookType.Add(new XElement(xsd + "attribute", new XAttribute("name", "origin"), new XAttribute("type", "xsd:string")));
        schema.Root.AddFirst(new XElement(xsd + "element", new XAttribute("name", "CodeBook"), new XAttribute("type", "CodeBookType")));
        return Validate(xml, XmlSchema.Read(schema.CreateReader(), null)!);
    }

    private static List<string> Validate(byte[] xml, XmlSchema schema)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(schema);
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read()) { }
        return problems;
    }
}
