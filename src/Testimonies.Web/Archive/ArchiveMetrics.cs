using System.Diagnostics.Metrics;

namespace Testimonies.Web.Archive;

/// <summary>
/// The archive's own metrics, on one meter that OpenTelemetry listens to when an exporter is configured
/// (Operations/ArchiveTelemetry.cs). Without a listener an instrument's Record costs a check and nothing more.
/// </summary>
public static class ArchiveMetrics
{
    public const string MeterName = "Testimonies";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Searches run (not answered from the output cache), in seconds, tagged "remembered" when the catalog held the result of
    /// the same words and filters (another page of it) and only the page was made.
    /// </summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("testimonies.search.duration", "s",
        "Time to run a search and make its page of results.");

    /// <summary>Imports by kind (upload preview, confirm, command line, form, data folder) and outcome (done or the refusal).</summary>
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("testimonies.imports", "{import}",
        "Imports asked for, by kind and outcome.");

    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("testimonies.import.duration", "s",
        "Time an import took, from reading its files to its answer.");

    /// <summary>Output cache lookups of public pages and data, by result (hit or miss).</summary>
    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("testimonies.output_cache.lookups", "{lookup}",
        "Output cache lookups, by result.");
}
