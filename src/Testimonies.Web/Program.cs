using Serilog;
using Testimonies.Web;
using Testimonies.Web.Api;
using Testimonies.Web.Importing;
using Testimonies.Web.Maintainers;
using Testimonies.Web.Operations;
using Testimonies.Web.Search;

// Arguments that are neither a command nor host options end here, before anything starts: the list of commands, exit code 2
// (--help: 0). Otherwise a script that misspells a command would wait for a server that never exits.
if (MaintainerCommands.Preflight(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = MaintainerCommands.HostArguments(args), ContentRootPath = ContentRoot.Default(args),
});

// Build-time static assets (and their pre-compressed copies) in every environment: without this, `dotnet run`
// in Production answers a gzip request for CSS with an empty body. Published output has no such manifest.
builder.WebHost.UseStaticWebAssets();

// Logging: Serilog from appsettings.json. Each host keeps its own logger (preserveStaticLogger): with the static
// Log.Logger, test sites in one process logged into each other's sinks.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services), preserveStaticLogger: true);

// Settings: every options class bound to its section (Settings.cs, documented in the README).
builder.Services.AddSettings();
// The features; a setting that cannot work (a store, an address, an exporter) stops start-up with its message.
try
{
    ArchiveOptions.PublicAddress(builder.Configuration["Archive:PublicUrl"]); // a PublicUrl that is not an address stops start-up
    LogOptions.Apply(builder.Configuration);        // Logs:Format json: the console writes compact JSON
    // The store: SQLite, or PostgreSQL when Database:Provider says so.
    var provider = builder.Services.AddArchive(builder.Configuration, builder.Environment);
    // The clock that dates citations' access dates; tests replace it.
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSearch(provider);           // Search/: the full-text engine of that store, the catalog, the search
    builder.Services.AddImporting();                // Importing/: the one import service and its gate
    builder.Services.AddMaintainers();              // Maintainers/: accounts, sessions, lockout, login rate limit
    builder.Services.AddArchiveApi();               // Api/: /api/v1 with its OpenAPI document and CORS
    builder.Services.AddSitePages();                // Site.cs: pages, output cache, compression
    builder.Services.AddOperations(builder.Configuration); // Operations/: health checks; metrics when configured
}
catch (ArchiveConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

var app = builder.Build();

// Migrate and load data/ before serving; a broken data file or an unreachable server stops start-up with its message.
if (await app.InitializeArchiveAsync() is { } failure)
{
    app.Logger.LogCritical("{Message}", failure);
    Console.Error.WriteLine(failure);
    return 1;
}

// Maintenance commands run instead of the server: create-admin, import, backup, verify (Maintainers/MaintainerCommands.cs).
if (MaintainerCommands.IsCommand(args))
    return await MaintainerCommands.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);

app.UseSitePipeline();
app.MapSite();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
