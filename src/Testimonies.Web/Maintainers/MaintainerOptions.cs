namespace Testimonies.Web.Maintainers;

/// <summary>Settings of the maintainers' sessions and login, bound from the "Admin" section.</summary>
public sealed class MaintainerOptions
{
    public const string Section = "Admin";

    /// <summary>Sessions only over HTTPS, in __Host- cookies; only Development (plain http://localhost) turns it off.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Login attempts (POSTs) accepted from one address per minute before the login answers 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
