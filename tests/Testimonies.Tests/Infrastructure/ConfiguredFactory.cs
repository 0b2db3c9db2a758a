using Microsoft.AspNetCore.Hosting;

namespace Testimonies.Tests.Infrastructure;

/// <summary>A test site with some settings of its own (for example Archive:PublicUrl), on either engine.</summary>
public sealed class ConfiguredFactory(TestStore store, IReadOnlyDictionary<string, string> settings, string? dataPath = null)
    : ArchiveFactory(dataPath, store)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
