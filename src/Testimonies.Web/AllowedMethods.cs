using Microsoft.AspNetCore.Diagnostics;

namespace Testimonies.Web;

/// <summary>
/// GET and HEAD everywhere; other methods only where a route declares them (a page's On{Method} handler, an
/// endpoint's Map{Method}). Anything else is 405 with an Allow header and a short message: a page asked for a
/// method it has no handler for would otherwise run without its model (TRACE answered 500).
/// </summary>
public static class AllowedMethods
{
    public static readonly string[] GetAndHead = ["GET", "HEAD"];

    /// <summary>
    /// A route that reads: GET and HEAD, as every page answers (MapGet alone answers HEAD with 404, and a link checker or a
    /// download manager asks HEAD first). Kestrel sends no body for HEAD; the output cache keys by method.
    /// </summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler);

    /// <summary>The display name routing gives its own 405 endpoint (HttpMethodMatcherPolicy).</summary>
    private const string RoutingRejection = "405 HTTP Method Not Supported";

    public static IApplicationBuilder UseAllowedMethodsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        // HEAD is GET without the body, whatever the endpoint writes (Kestrel drops it; an in-process host would not).
        if (HttpMethods.IsHead(method)) context.Response.Body = Stream.Null;
        // A re-executed error or status page keeps the original method, which its own route already allowed.
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }
        var endpoint = context.GetEndpoint();
        if (endpoint?.DisplayName == RoutingRejection)
        {
            // Routing answers 405 with Allow itself; only its empty body is replaced, not re-executed as a page.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
                await WriteAsync(context, method, context.Response.Headers.Allow.ToString());
            return;
        }
        var allowed = Allowed(endpoint);
        if (allowed is null || allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
        await WriteAsync(context, method, context.Response.Headers.Allow.ToString());
    });

    /// <summary>A page's methods from its handlers; no route at all: GET and HEAD; any other endpoint: whatever it declares.</summary>
    private static string[]? Allowed(Endpoint? endpoint)
    {
        if (endpoint is null) return ["GET", "HEAD"];
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page) return null;
        return ["GET", "HEAD", .. page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
            .Where(m => m is not ("GET" or "HEAD")).Distinct().Order(StringComparer.Ordinal)];
    }

    private static Task WriteAsync(HttpContext context, string method, string allow)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"{method} is not allowed at this address; it answers {allow}.");
    }
}
