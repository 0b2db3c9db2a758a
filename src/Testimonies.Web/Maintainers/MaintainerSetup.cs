using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Testimonies.Web.Maintainers;

/// <summary>
/// Maintainers' accounts and sessions: ASP.NET Core Identity on the archive's store, a __Host- cookie,
/// lockout, a rate-limited login, and Data Protection keys kept in the store so sessions survive a restart.
/// </summary>
public static class MaintainerSetup
{
    public const string Policy = "Maintainer";
    public const string LoginRateLimit = "login";
    public const string CookieName = "__Host-testimonies";
    public const string AntiforgeryCookieName = "__Host-testimonies-antiforgery";

    /// <summary>NIST SP 800-63B: a minimum length, no composition rules; long passphrases welcome.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>PBKDF2-HMAC-SHA512 iterations; OWASP's 2023 figure, above Identity's default of 100,000.</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>
    /// The cookies, antiforgery and login limit follow MaintainerOptions (Admin:RequireHttps, Admin:LoginAttemptsPerMinute).
    /// Only Development (appsettings.Development.json, `dotnet run` on http://localhost) turns HTTPS off; the cookies are
    /// then plain, since a __Host- cookie must be Secure.
    /// </summary>
    public static IServiceCollection AddMaintainers(this IServiceCollection services)
    {
        services.AddIdentityCore<Maintainer>(options =>
            {
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ArchiveDbContext>()
            .AddSignInManager();
        // The login's check: one cost and one answer for unknown, wrong and locked (MaintainerSignIn.cs).
        services.AddScoped<MaintainerSignIn>();
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);
        // A logged-out (or locked, or re-passworded) maintainer's cookie stops working at the next request.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<MaintainerOptions>>((options, settings) =>
        {
            var https = settings.Value.RequireHttps;
            options.Cookie.Name = https ? CookieName : "testimonies-development";
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/login";
            // A signed-in account without the role a page needs is answered 403 with a page that says so (the status pages'
            // /not-found?code=403), not sent back to the login it has passed already.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        var authorization = services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser());
        // One policy per role, named after it, met by the role and the roles that include it (MaintainerRoles.HeldBy).
        foreach (var (role, heldBy) in MaintainerRoles.HeldBy)
            authorization.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(heldBy));

        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<MaintainerOptions>>((options, settings) =>
        {
            var https = settings.Value.RequireHttps;
            options.Cookie.Name = https ? AntiforgeryCookieName : "testimonies-development-antiforgery";
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddDataProtection().SetApplicationName("Testimonies").PersistKeysToDbContext<ArchiveDbContext>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MaintainerOptions>>((options, settings) =>
        {
            var attemptsPerMinute = settings.Value.LoginAttemptsPerMinute;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => context.Request.Method != HttpMethods.Post
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many login attempts from this address. " +
                    "Wait a minute, then try again.", cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// The maintainers' pages over plain HTTP get a clear refusal instead of an error: their cookies are
    /// Secure. Behind a reverse proxy that ends TLS, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
    /// </summary>
    public static IApplicationBuilder UseMaintainersOverHttpsOnly(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<MaintainerOptions>>().Value.RequireHttps) return app;
        return app.Use(async (context, next) =>
        {
            if (SecurityHeaders.IsAdmin(context.Request.Path) && !context.Request.IsHttps)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("The maintainers' pages work only over HTTPS. " +
                    "Open this address with https://, or, behind a reverse proxy that ends TLS, " +
                    "set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.");
                return;
            }
            await next(context);
        });
    }
}
