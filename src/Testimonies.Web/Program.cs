using Serilog;
using Testimonies.Web;
using Testimonies.Web.Api;
using Testimonies.Web.Archive;
using Testimonies.Web.Citations;
using Testimonies.Web.Importing;
using Testimonies.Web.Maintainers;
using Testimonies.Web.Pages.Search;
using Testimonies.Web.Pages.Statistics;
using Testimonies.Web.Pages.Discovery;
using Testimonies.Web.Pages.Data;
using Testimonies.Web.Pages.Statements;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });

// Serve build-time static assets (including their pre-compressed copies) in every environment, not
// only Development: without this, `dotnet run` in Production answers a gzip request for CSS with an
// empty body. Published output has no such manifest, so this changes nothing there.
builder.WebHost.UseStaticWebAssets();

// Logging: Serilog, configured from appsettings.json ("Serilog" section). Each host keeps its own logger
// (preserveStaticLogger): with the static Log.Logger, test sites in one process logged into each other's sinks.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services), preserveStaticLogger: true);

// The store (EF Core on SQLite, or PostgreSQL when "Database:Provider" says so) and the curated data folder.
try
{
    builder.Services.AddArchive(builder.Configuration, builder.Environment);
}
catch (ArchiveConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
// The clock that dates citations' access dates; tests replace it.
builder.Services.AddSingleton(TimeProvider.System);
// One import at a time in this process; across instances, the database's lock on ArchiveState (ArchiveImport).
builder.Services.AddImporting();
// The read-only JSON API with its OpenAPI document and CORS (Api/ApiEndpoints.cs).
builder.Services.AddArchiveApi();
// Public pages and data cached per archive version (Archive/ArchiveOutputCache.cs).
builder.Services.AddArchiveOutputCache();
// Compressed pages and data (Brotli or gzip); static files come pre-compressed from MapStaticAssets.
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
        .Concat(["image/svg+xml", "application/atom+xml", "application/problem+json", "text/csv", "application/x-bibtex",
                 "application/x-research-info-systems", "application/vnd.citationstyles.csl+json"]);
});

// Pages: lower-case URLs; every page lives in its feature folder under Pages/.
// Maintainers: accounts, sessions, lockout, login rate limit (Maintainers/MaintainerSetup.cs).
builder.Services.AddMaintainers(builder.Configuration);
builder.Services.AddRazorPages(options =>
{
    // Every page under Pages/Admin needs a maintainer, except the login page itself.
    options.Conventions.AuthorizeFolder("/Admin", MaintainerSetup.Policy);
    options.Conventions.AllowAnonymousToPage("/Admin/Login");
    options.Conventions.AddPageApplicationModelConvention("/Admin/Login",
        page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(MaintainerSetup.LoginRateLimit)));
});
builder.Services.AddRouting(options => options.LowercaseUrls = true);

var app = builder.Build();

// Migrate and load data/ before serving; a broken data file stops start-up with its problems.
try
{
    await app.InitializeArchiveAsync();
}
catch (ImportFailedException ex)
{
    app.Logger.LogCritical("{Message}", ex.Message);
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (Exception ex) when (ex is Npgsql.NpgsqlException || ex.InnerException is Npgsql.NpgsqlException)
{
    // EF wraps some connection failures ("likely due to a transient failure"); the server's own words say more.
    var message = $"Could not use the PostgreSQL database named in ConnectionStrings:Testimonies: {(ex as Npgsql.NpgsqlException ?? ex.InnerException)!.Message}";
    app.Logger.LogCritical("{Message}", message);
    Console.Error.WriteLine(message);
    return 1;
}

// Maintenance commands run instead of the server: create-admin, import (Maintainers/MaintainerCommands.cs).
if (MaintainerCommands.IsCommand(args))
    return await MaintainerCommands.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}
app.UseSecurityHeaders();
// Never compress the maintainers' pages: they carry antiforgery tokens, and compression beside a secret
// is what BREACH-style attacks read. Public pages hold no secret.
app.UseWhen(context => !SecurityHeaders.IsAdmin(context.Request.Path), branch => branch.UseResponseCompression());
app.UseMaintainersOverHttpsOnly(app.Configuration);
app.UseStatusCodePagesWithReExecute("/not-found", "?code={0}");
app.UseSerilogRequestLogging();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapSearchExports();
app.MapCitationDownloads();
app.MapStatisticsExports();
app.MapDiscovery();
app.MapDatasetDownload();
app.MapArchiveApi();
app.MapStatementRedirects();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
