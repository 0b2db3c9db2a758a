namespace Testimonies.Web;

/// <summary>Strict-Transport-Security on HTTPS answers, bound from the "Hsts" section; appsettings.Development.json turns it off.</summary>
public sealed class HstsSettings
{
    public const string Section = "Hsts";

    /// <summary>Send the header on HTTPS answers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a browser keeps to HTTPS for this host: 180 days.</summary>
    public int MaxAgeDays { get; set; } = 180;

    /// <summary>Also every subdomain: only when all of them serve HTTPS.</summary>
    public bool IncludeSubDomains { get; set; }
}
