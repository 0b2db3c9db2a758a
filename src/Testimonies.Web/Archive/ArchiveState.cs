namespace Testimonies.Web.Archive;

/// <summary>
/// One row whose Version goes up in every transaction that changes published data, so that caches
/// built from the archive (the search catalog) know when to reload, in this process or another.
/// </summary>
public class ArchiveState
{
    public int Id { get; set; }
    public long Version { get; set; }
}
