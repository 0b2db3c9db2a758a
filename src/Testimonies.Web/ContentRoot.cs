namespace Testimonies.Web;

/// <summary>
/// Where the app finds appsettings.json, wwwroot and App_Data. ASP.NET Core uses the working directory;
/// `dotnet out/Testimonies.Web.dll` started from elsewhere would then serve no styles and create its
/// database in a stray folder. So when the working directory is not an app folder, use the app's own.
/// </summary>
public static class ContentRoot
{
    public static string? Default(string[] args)
    {
        var explicitlySet = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        if (explicitlySet || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))) return null;
        return File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")) ? AppContext.BaseDirectory : null;
    }
}
