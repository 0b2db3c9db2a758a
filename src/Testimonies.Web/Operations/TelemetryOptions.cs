namespace Testimonies.Web.Operations;

/// <summary>Metrics through OpenTelemetry, bound from the "Telemetry" section: off unless an exporter is named.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where metrics go: empty or "none" (no metrics collected), "console" (standard output), "otlp" (a collector).</summary>
    public string Exporter { get; set; } = "";

    /// <summary>The OTLP collector's address; empty: OpenTelemetry's default (http://localhost:4317, gRPC).</summary>
    public string OtlpEndpoint { get; set; } = "";
}
