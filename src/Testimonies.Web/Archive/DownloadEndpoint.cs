namespace Testimonies.Web.Archive;

/// <summary>
/// Marks an endpoint that answers with a whole file built from the archive (the dataset, a search's or the API's
/// whole result set): cached as a download and limited as a heavy export (ExportLimits.cs).
/// </summary>
public sealed class DownloadEndpoint
{
    public static readonly DownloadEndpoint Marker = new();

    private DownloadEndpoint() { }
}
