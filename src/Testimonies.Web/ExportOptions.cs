namespace Testimonies.Web;

/// <summary>Limits of the heavy exports (ExportLimits.cs), bound from the "Exports" section.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Heavy exports one address may start per minute; more answer 429.</summary>
    public int PerClientPerMinute { get; set; } = 30;

    /// <summary>Heavy exports built at the same time, from all addresses together: what bounds the server's memory.</summary>
    public int ConcurrentTotal { get; set; } = 4;

    /// <summary>Heavy exports that may wait for one of those; beyond them, 429.</summary>
    public int QueueTotal { get; set; } = 8;
}
