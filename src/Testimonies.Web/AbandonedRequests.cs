namespace Testimonies.Web;

/// <summary>
/// A request whose client went away (a closed tab, a load generator's timeout) ends with the cancellation it caused: that is
/// not the site's error. It is answered 499, as the exception handler does, but here, inside the request log, so that the log
/// says "responded 499" instead of an error with a stack trace and a 500 nobody received.
/// </summary>
public static class AbandonedRequests
{
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseAbandonedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted) context.Response.StatusCode = ClientClosedRequest;
        }
    });
}
