using Testimonies.Web.Maintainers;

namespace Testimonies.Web;

/// <summary>
/// Every options class of the app with its section: the app binds these, and a docs test checks that each
/// property is in the README's configuration table, so a new setting cannot go undocumented.
/// </summary>
public static class Settings
{
    public static IReadOnlyList<SettingsSection> Sections { get; } =
    [
        SettingsSection.Of<DatabaseOptions>(DatabaseOptions.Section),
        SettingsSection.Of<ArchiveOptions>(ArchiveOptions.Section),
        SettingsSection.Of<MaintainerOptions>(MaintainerOptions.Section),
        SettingsSection.Of<HstsSettings>(HstsSettings.Section),
        SettingsSection.Of<ExportOptions>(ExportOptions.Section),
        SettingsSection.Of<Operations.TelemetryOptions>(Operations.TelemetryOptions.Section),
        SettingsSection.Of<Operations.LogOptions>(Operations.LogOptions.Section),
    ];

    /// <summary>Binds every section's options class (IOptions&lt;T&gt;) to the app's configuration.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        foreach (var section in Sections) section.Bind(services);
        return services;
    }
}
