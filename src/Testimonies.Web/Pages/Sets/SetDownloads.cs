using Testimonies.Web.Citations;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// The whole set as files, with the set page's ids: /sets.bib, /sets.ris, /sets.json (CSL-JSON) for reference managers and
/// /sets.csv (the search export's row shape); a curated set's at /sets/{slug}.bib and so on. The reader's "Add to set"
/// without JavaScript: /sets/add?id=… keeps the id in the draft cookie and answers 303 to /sets/draft.
/// </summary>
public static class SetDownloads
{
    public static readonly string[] Formats = ["bib", "ris", "json", "csv"];

    public static IEndpointRouteBuilder MapSetDownloads(this IEndpointRouteBuilder app)
    {
        app.MapRead("/sets.{format}", (string format, HttpContext http, ArchiveDbContext db, CancellationToken ct) =>
            DownloadAsync(null, format, http, db, ct)).CacheAsDownload(SetRequest.QueryKeys);
        app.MapRead("/sets/{slug}.{format}", (string slug, string format, HttpContext http, ArchiveDbContext db, CancellationToken ct) =>
            DownloadAsync(slug, format, http, db, ct)).CacheAsDownload();
        // Never cached: its answer depends on the reader's cookie.
        app.MapRead("/sets/add", DraftSet.Add).CacheOutput(policy => policy.NoCache());
        return app;
    }

    private static async Task<IResult> DownloadAsync(string? slug, string format, HttpContext http, ArchiveDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Formats.Contains(format)) return Results.NotFound();
        var (set, status) = await QuoteSet.ResolveAsync(http, db, slug, cancellationToken);
        if (set is null) return Results.NotFound();
        if (status != StatusCodes.Status200OK)
            return Results.Text($"A set holds at most {SetRequest.MaxStatements} statements; this address names more.",
                "text/plain; charset=utf-8", System.Text.Encoding.UTF8, status);
        // An empty file would look like a download that failed; the page says which ids it could not show.
        if (set.Cards.Count == 0)
            return Results.Text("This set shows no statements: none of its ids is a published statement (the set's page names them).",
                "text/plain; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
        // Named after the set, as a search export is after its words: a title, else its statements (the first and how many more).
        var named = set.Curated?.Slug ?? Rendering.FileNameWords.Of(set.Title ?? "", SearchExports.MaxNameLength) switch
        {
            "" => set.Cards.Count == 1 ? set.Cards[0].PublicId : $"{set.Cards[0].PublicId}-and-{set.Cards.Count - 1}-more",
            var title => title,
        };
        var name = $"testimonies-set-{named}";
        if (format == "csv")
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            var services = http.RequestServices;
            var rows = StatementExport.RowsAsync(db, services.GetRequiredService<SourceTextLayouts>(), set.Cards.Select(c => c.Id).ToList(),
                Rendering.SiteAddress.Of(http.Request), CitationDownloads.Today(services.GetRequiredService<TimeProvider>()),
                cancellationToken);
            return Results.Stream(body => StatementExport.WriteCsvAsync(body, rows, cancellationToken), "text/csv; charset=utf-8");
        }
        var citationFormat = CitationFiles.Parse(format)!.Value;
        return CitationDownloads.Download(http, citationFormat, name, CitationFiles.Write(citationFormat, set.Cited, []));
    }
}
