namespace Testimonies.Web.Archive;

/// <summary>One file of an import, as uploaded.</summary>
public class ImportFileContent
{
    public int Id { get; set; }
    public int ImportRecordId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
}
