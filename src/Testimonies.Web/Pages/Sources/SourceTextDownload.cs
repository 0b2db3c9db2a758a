using Microsoft.Net.Http.Headers;

namespace Testimonies.Web.Pages.Sources;

/// <summary>/sources/{key}/text.txt: the latest stored text of a source, the exact string, so that its SHA-256 can be checked.</summary>
public static class SourceTextDownload
{
    public static IEndpointRouteBuilder MapSourceTextDownload(this IEndpointRouteBuilder app)
    {
        app.MapRead("/sources/{key}/text.txt", TextAsync);
        return app;
    }

    private static async Task<IResult> TextAsync(string key, HttpContext http, ArchiveDbContext db, SourceTextLayouts layouts,
        CancellationToken cancellationToken)
    {
        var sourceId = await db.Sources.AsNoTracking().Where(s => s.Key == key).Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (sourceId is null || await layouts.GetAsync(db, sourceId.Value, null, cancellationToken) is not { Text: var text })
            return Results.NotFound();
        // Inline, so that a browser shows it; named, so that a saved copy says which text and version it is.
        http.Response.Headers.ContentDisposition =
            new ContentDispositionHeaderValue("inline") { FileName = $"{key}-v{text.Version}.txt" }.ToString();
        // The bytes of the stored string and nothing else (no byte-order mark), so they hash to the SHA-256 shown.
        return Results.Bytes(System.Text.Encoding.UTF8.GetBytes(text.Text), "text/plain; charset=utf-8");
    }
}
