using System.Diagnostics;

namespace Testimonies.Web.Importing;

/// <summary>Each import's kind, outcome and duration, on the archive's meter (<see cref="ArchiveMetrics"/>).</summary>
public static class ImportMetrics
{
    public static async Task<ImportResult> MeasureAsync(string kind, Func<Task<ImportResult>> import)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await import();
        var outcome = new KeyValuePair<string, object?>("outcome", result.Refusal?.ToString().ToLowerInvariant() ?? "done");
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        ArchiveMetrics.Imports.Add(1, kindTag, outcome);
        ArchiveMetrics.ImportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, kindTag, outcome);
        return result;
    }
}
