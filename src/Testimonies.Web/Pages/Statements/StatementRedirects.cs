namespace Testimonies.Web.Pages.Statements;

/// <summary>Other addresses of a statement answer 301 with its permanent one, /s/{id}.</summary>
public static class StatementRedirects
{
    public static IEndpointRouteBuilder MapStatementRedirects(this IEndpointRouteBuilder app)
    {
        // The long form people guess from /statements.
        app.MapRead("/statements/{id}", (string id) =>
            Results.LocalRedirect($"/s/{Uri.EscapeDataString(id.ToLowerInvariant())}", permanent: true));
        return app;
    }
}
