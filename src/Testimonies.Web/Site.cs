using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Serilog;
using Testimonies.Web.Api;
using Testimonies.Web.Citations;
using Testimonies.Web.Maintainers;
using Testimonies.Web.Operations;
using Testimonies.Web.Pages.Codebook;
using Testimonies.Web.Pages.Data;
using Testimonies.Web.Pages.Discovery;
using Testimonies.Web.Pages.Sets;
using Testimonies.Web.Pages.Sources;
using Testimonies.Web.RefiQda;
using Testimonies.Web.Reports;
using Testimonies.Web.Pages.Statements;
using Testimonies.Web.Pages.Statistics;
using Testimonies.Web.Search;

namespace Testimonies.Web;

/// <summary>The site's pages, its middleware in order, and its route table; Program.cs calls these three.</summary>
public static class Site
{
    /// <summary>The admin pages for editors: imports, editing, history, templates.</summary>
    private static readonly string[] EditorPages =
    [
        "/Admin/Import", "/Admin/ImportDetails", "/Admin/Template", "/Admin/Records", "/Admin/Record", "/Admin/History",
        "/Admin/RowHistory", "/Admin/Templates", "/Admin/DataFormat",
    ];

    /// <summary>The coding pages for editors (the rest of /Admin/Coding is for coders): disagreements, decisions, histories.</summary>
    private static readonly string[] CodingEditorPages =
        ["/Admin/Codings/Disagreements", "/Admin/Codings/Decide", "/Admin/Codings/History"];

    /// <summary>Razor Pages (each in its feature folder under Pages/), output caching, compression.</summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Every page under Pages/Admin needs a maintainer, except the login page itself.
            options.Conventions.AuthorizeFolder("/Admin", MaintainerSetup.Policy);
            options.Conventions.AllowAnonymousToPage("/Admin/Login");
            // And the role each needs (MaintainerRoles): the home page and logging out need an account only.
            foreach (var page in EditorPages) options.Conventions.AuthorizePage(page, MaintainerRoles.Editor);
            options.Conventions.AuthorizeFolder("/Admin/Codings", MaintainerRoles.Coder);
            foreach (var page in CodingEditorPages) options.Conventions.AuthorizePage(page, MaintainerRoles.Editor);
            options.Conventions.AuthorizePage("/Admin/Accounts", MaintainerRoles.Administrator);
            options.Conventions.AuthorizeFolder("/Admin/Sets", MaintainerRoles.Editor);
            // A curated set's handout and embed, beside the reader's set's (/sets/handout, /sets/embed).
            options.Conventions.AddPageRoute("/Sets/Handout", "/sets/{slug}/handout");
            options.Conventions.AddPageRoute("/Sets/Embed", "/sets/{slug}/embed");
            options.Conventions.AddPageApplicationModelConvention("/Admin/Login",
                page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(MaintainerSetup.LoginRateLimit)));
        });
        services.AddScoped<Pages.Admin.Codings.CodingWriter>();
        services.AddScoped<Pages.Admin.Sets.CuratedSetWriter>();
        services.AddRouting(options => options.LowercaseUrls = true);
        // Public pages and data cached per archive version and per the reader's classroom cover (Archive/ArchiveOutputCache.cs).
        services.AddArchiveOutputCache(Rendering.ClassroomDisplay.CacheValue);
        // Compressed pages and data (Brotli or gzip); static files come pre-compressed from MapStaticAssets.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml",
                "application/problem+json", "text/csv", "application/x-bibtex", "application/x-research-info-systems",
                "application/vnd.citationstyles.csl+json"]);
        });
        // HSTS from Hsts:* (HstsSettings); UseHsts leaves localhost out, so a developer's https://localhost is not pinned.
        services.AddOptions<HstsOptions>().Configure<IOptions<HstsSettings>>((options, settings) =>
        {
            options.MaxAge = TimeSpan.FromDays(settings.Value.MaxAgeDays);
            options.IncludeSubDomains = settings.Value.IncludeSubDomains;
        });
        // With Archive:PublicUrl the site answers its host only (PostConfigure: after the framework's AllowedHosts),
        // so a request with another Host header gets 400 instead of links to that host.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<ArchiveOptions>>((options, archive) =>
        {
            if (ArchiveOptions.PublicAddress(archive.Value.PublicUrl) is { } address) options.AllowedHosts = [address.IdnHost];
        });
        // Heavy exports limited per client and in total (ExportLimits.cs).
        services.AddExportLimits();
        // Readers' problem reports and their limit per address (Reports/).
        services.AddProblemReports();
        return services;
    }

    /// <summary>The middleware, in the order a request meets it (docs/architecture.md draws it).</summary>
    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
        if (app.Services.GetRequiredService<IOptions<HstsSettings>>().Value.Enabled) app.UseHsts();
        app.UseSecurityHeaders();
        // Never compress the maintainers' pages: they carry antiforgery tokens, and compression beside a secret
        // is what BREACH-style attacks read. Public pages hold no secret.
        app.UseWhen(context => !SecurityHeaders.IsAdmin(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseMaintainersOverHttpsOnly();
        // One line a request, with its final status: outside the status pages' re-execution, which would log it twice. The
        // host's own logger: the middleware's default is the static Log.Logger, which this host never sets (Program.cs).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseAbandonedRequests();
        app.UseStatusCodePagesWithReExecute("/not-found", "?code={0}");
        app.UseRouting();
        app.UseCors();
        app.UseAllowedMethodsOnly();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// Every route. Pages declare theirs with @page (/, /statements, /s/{id}, /s/{id}/embed, /reasons…, /speakers…,
    /// /sources…, /search, /statistics, /codebook…, /about, /api, /admin/…); endpoints that answer with files are mapped here:
    /// <code>
    /// /search.csv .json .bib .ris .csl.json     Search/SearchExports.cs
    /// /s/{id}/cite.*, /sources/{key}/cite.*      Citations/CitationDownloads.cs
    /// /statistics.json, /statistics.csv          Pages/Statistics/StatisticsExports.cs
    /// /codebook/agreement.json                   Pages/Codebook/AgreementJson.cs
    /// /robots.txt, /sitemap.xml, /feed.atom      Pages/Discovery/DiscoveryEndpoints.cs
    /// /dataset.zip                               Pages/Data/DatasetDownload.cs
    /// /dataset.qdpx, /search.qdpx, /codebook.qdc  RefiQda/QdaDownloads.cs
    /// /codebook.json                             Pages/Codebook/CodebookDownload.cs
    /// /api/v1/…, /api/v1/openapi.json            Api/ApiEndpoints.cs
    /// /statements/{id} → 301 /s/{id}             Pages/Statements/StatementRedirects.cs
    /// </code>
    /// </summary>
    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapSearchExports();
        app.MapCitationDownloads();
        app.MapSetDownloads();
        app.MapStatisticsExports();
        app.MapAgreementJson();
        app.MapDiscovery();
        app.MapDatasetDownload();
        app.MapCodebookDownload();
        app.MapArchiveApi();
        app.MapStatementRedirects();
        app.MapSourceTextDownload();
        app.MapQdaDownloads();
        app.MapHealthEndpoints();
        return app;
    }
}
