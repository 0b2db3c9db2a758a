using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Search;
using Testimonies.Web.Search;

namespace Testimonies.Web.Citations;

/// <summary>
/// Reference-manager files: /s/{id}/cite.{bib|ris|json} for a statement, /sources/{key}/cite.{…} for a
/// publication, /search.{bib|ris|csl.json} for the results of a search (same parameters as the page).
/// </summary>
public static class CitationDownloads
{
    /// <summary>A search's citation file holds at most this many statements, best ranked first.</summary>
    public const int MaxSearchStatements = 2000;

    public static IEndpointRouteBuilder MapCitationDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{id}/cite.{format}", StatementAsync);
        app.MapGet("/sources/{key}/cite.{format}", SourceAsync);
        app.MapGet("/search.bib", (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            SearchAsync(http, db, catalog, clock, CitationFormat.BibTeX, ct));
        app.MapGet("/search.ris", (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            SearchAsync(http, db, catalog, clock, CitationFormat.Ris, ct));
        app.MapGet("/search.csl.json", (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            SearchAsync(http, db, catalog, clock, CitationFormat.CslJson, ct));
        return app;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<IResult> StatementAsync(string id, string format, HttpContext http, ArchiveDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CitationFiles.Parse(format) is not { } citationFormat) return Results.NotFound();
        var statement = await db.Statements.AsNoTracking().Where(s => s.PublicId == id)
            .Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (statement is null || statement.Status == PublicationStatus.Draft) return Results.NotFound();
        if (statement.Status == PublicationStatus.Withdrawn) return Results.StatusCode(StatusCodes.Status410Gone);
        var cited = await CitedStatement.LoadAsync(db, [statement.Id], Rendering.SiteAddress.Of(http.Request), Today(clock), cancellationToken);
        return File(http, citationFormat, $"testimonies-{id}", CitationFiles.Write(citationFormat, cited, []));
    }

    private static async Task<IResult> SourceAsync(string key, string format, HttpContext http, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (CitationFiles.Parse(format) is not { } citationFormat) return Results.NotFound();
        var work = await db.Sources.AsNoTracking().Where(s => s.Key == key).Select(CitedWork.Projection).SingleOrDefaultAsync(cancellationToken);
        if (work is null) return Results.NotFound();
        return File(http, citationFormat, key, CitationFiles.Write(citationFormat, [], [work]));
    }

    private static async Task<IResult> SearchAsync(HttpContext http, ArchiveDbContext db, SearchCatalog catalog, TimeProvider clock, CitationFormat format, CancellationToken cancellationToken)
    {
        var parameters = await SearchParameters.ReadAsync(http.Request.Query, db, catalog, cancellationToken);
        var ids = await StatementSearch.AllIdsAsync(db, catalog, parameters.ToRequest(pageSize: 1), cancellationToken);
        var cited = await CitedStatement.LoadAsync(db, ids.Take(MaxSearchStatements).ToList(), Rendering.SiteAddress.Of(http.Request), Today(clock), cancellationToken);
        return File(http, format, $"testimonies-search-{Today(clock):yyyy-MM-dd}", CitationFiles.Write(format, cited, []));
    }

    private static IResult File(HttpContext http, CitationFormat format, string name, string content)
    {
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{name}.{CitationFiles.Extension(format)}" };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Text(content, CitationFiles.ContentType(format), System.Text.Encoding.UTF8);
    }
}
