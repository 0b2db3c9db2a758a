namespace Testimonies.Web;

/// <summary>Limits of the heavy exports (ExportLimits.cs), bound from the "Exports" section.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    public int PerClientPerMinute { get; set; } = 30;

    public int ConcurrentTotal { get; set; } = 4;

    public int QueueTotal { get; set; } = 4;
}
