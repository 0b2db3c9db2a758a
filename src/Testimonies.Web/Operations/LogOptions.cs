namespace Testimonies.Web.Operations;

/// <summary>
/// The console log's format, bound from the "Logs" section: "text" (a line a person reads) or "json" (one compact JSON
/// object a line, CLEF: @t, @l, @mt, @m, @x and the event's properties, for a log collector).
/// </summary>
public sealed class LogOptions
{
    public const string Section = "Logs";

    /// <summary>"text" (the default) or "json".</summary>
    public string Format { get; set; } = "text";

    /// <summary>Where appsettings.json keeps the console's template (Serilog.Expressions' ExpressionTemplate).</summary>
    private const string TemplateKey = "Serilog:WriteTo:0:Args:configure:0:Args:formatter:template";

    private const string Json = "{ {@t, @l, @mt, @m, @x, ..@p} }\n";

    /// <summary>Sets the console's template for "json" before the logger is made; another value than the two stops start-up.</summary>
    public static void Apply(IConfigurationManager configuration)
    {
        var format = configuration[$"{Section}:{nameof(Format)}"]?.Trim().ToLowerInvariant();
        switch (format)
        {
            case null or "" or "text":
                return;
            case "json":
                configuration[TemplateKey] = Json;
                return;
            default:
                throw new ArchiveConfigurationException($"Logs:Format is “{configuration[$"{Section}:{nameof(Format)}"]}”; " +
                    "it must be text or json.");
        }
    }
}
