using Microsoft.Net.Http.Headers;

namespace Testimonies.Web.Citations;

/// <summary>
/// Reference-manager files: /s/{id}/cite.{bib|ris|json} for a statement, /s/{id}/v/{n}/cite.{…} for one version of it
/// (its URL the version's), /sources/{key}/cite.{…} for a
/// publication. (A search's, /search.bib and its siblings, are among the search's exports: Search/SearchExports.cs.)
/// </summary>
public static class CitationDownloads
{
    public static IEndpointRouteBuilder MapCitationDownloads(this IEndpointRouteBuilder app)
    {
        app.MapRead("/s/{id}/cite.{format}", StatementAsync);
        app.MapRead("/s/{id}/v/{n}/cite.{format}", VersionAsync);
        app.MapRead("/sources/{key}/cite.{format}", SourceAsync);
        return app;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<IResult> StatementAsync(string id, string format, HttpContext http, ArchiveDbContext db, TimeProvider clock,
        SourceTextLayouts layouts, CancellationToken cancellationToken)
    {
        if (CitationFiles.Parse(format) is not { } citationFormat) return Results.NotFound();
        var statement = await db.Statements.AsNoTracking().Where(s => s.PublicId == id)
            .Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (statement is null || statement.Status == PublicationStatus.Draft) return Results.NotFound();
        if (statement.Status == PublicationStatus.Withdrawn) return Results.StatusCode(StatusCodes.Status410Gone);
        var cited = await CitedStatement.LoadAsync(db, layouts, [statement.Id], Rendering.SiteAddress.Of(http.Request), Today(clock),
            cancellationToken);
        return Download(http, citationFormat, $"testimonies-{id}", CitationFiles.Write(citationFormat, cited, []));
    }

    private static async Task<IResult> VersionAsync(string id, string n, string format, HttpContext http, ArchiveDbContext db,
        TimeProvider clock, SourceTextLayouts layouts, CancellationToken cancellationToken)
    {
        if (CitationFiles.Parse(format) is not { } citationFormat) return Results.NotFound();
        var (status, found) = await StatementVersionFinder.FindAsync(db, id, n, cancellationToken);
        if (found is null) return Results.StatusCode(status);
        var cited = await StatementVersionFinder.CiteAsync(db, layouts, found, Rendering.SiteAddress.Of(http.Request), Today(clock),
            cancellationToken);
        var name = $"testimonies-{id}-v{found.Version.Number}";
        return Download(http, citationFormat, name, CitationFiles.Write(citationFormat, [cited], []));
    }

    private static async Task<IResult> SourceAsync(string key, string format, HttpContext http, ArchiveDbContext db,
        CancellationToken cancellationToken)
    {
        if (CitationFiles.Parse(format) is not { } citationFormat) return Results.NotFound();
        var work = await db.Sources.AsNoTracking().Where(s => s.Key == key).Select(CitedWork.Projection)
            .SingleOrDefaultAsync(cancellationToken);
        if (work is null) return Results.NotFound();
        return Download(http, citationFormat, key, CitationFiles.Write(citationFormat, [], [work]));
    }

    /// <summary>A citation file as a download named <paramref name="name"/> with the format's extension.</summary>
    public static IResult Download(HttpContext http, CitationFormat format, string name, string content)
    {
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{name}.{CitationFiles.Extension(format)}" };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Text(content, CitationFiles.ContentType(format), System.Text.Encoding.UTF8);
    }
}
