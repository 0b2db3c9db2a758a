using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Testimonies.Web.Importing;
using Testimonies.Web.Search;

namespace Testimonies.Web.Api;

/// <summary>
/// The read-only JSON API, /api/v1: statements (filtered, paginated), reasons, speakers, sources and
/// findings; documented by the OpenAPI document at /api/v1/openapi.json and the page /api. Answers carry
/// ETags (the archive's version) and may be cached for a minute; any site may read them (CORS, GET only).
/// </summary>
public static class ApiEndpoints
{
    public const string CorsPolicy = "ReadOnlyApi";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IServiceCollection AddArchiveApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
            document.Info.Title = "Testimonies API";
                document.Info.Description = "Read-only access to the archive's published statements, speakers, sources, reasons " +
                "and the sources' published findings.";
                return Task.CompletedTask;
            });
        });
        services.AddCors(options => options.AddPolicy(CorsPolicy,
            policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("If-None-Match")));
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        return services;
    }

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").RequireCors(CorsPolicy);
        var api = app.MapGroup("/api/v1").RequireCors(CorsPolicy).AddEndpointFilter(CacheByArchiveVersionAsync);

        api.MapRead("/statements", async (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, SourceTextLayouts layouts,
            CancellationToken ct) =>
        {
            var (query, problem, page, size) = await FilterAsync(http, db, catalog, ct);
            if (problem is not null) return problem;
            var total = await query.CountAsync(ct);
            var items = await ItemsAsync(db, layouts, query.Skip((page - 1) * size).Take(size), Site(http), ct);
            var next = page * size < total ? $"{Site(http)}/api/v1/statements{QueryWithPage(http, page + 1)}" : null;
            return Results.Ok(new StatementPage(total, page, size, items, next, await CodebookVersionAsync(db, ct)));
        }).WithSummary("Published statements, in source order, filtered and paginated")
          .WithDescription("Filters (each may be repeated): reason, theme, speaker, source, nationality, kind (quotation or paraphrase), " +
              "provenance (told-to-author, sent-to-author, taken-from-elsewhere or not-stated). " +
              "Paging: page (from 1), page_size (1–500, default 50).")
          .Produces<StatementPage>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapRead("/statements.csv", async (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, SourceTextLayouts layouts,
            CancellationToken ct) =>
        {
            var (query, problem, _, _) = await FilterAsync(http, db, catalog, ct, paging: false);
            if (problem is not null) return problem;
            var ids = await query.Select(s => s.Id).ToListAsync(ct);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"testimonies-statements.csv\"";
            var today = Citations.CitationDownloads.Today(http.RequestServices.GetRequiredService<TimeProvider>());
            return Results.Stream(body => StatementExport.WriteCsvAsync(body, StatementExport.RowsAsync(db, layouts, ids, Site(http),
                today, ct), ct), "text/csv; charset=utf-8");
        }).CacheAsDownload("*") // every parameter: an unknown one answers 400, not a cached file
          .WithSummary("The same statements as CSV, all pages at once (the columns of /search.csv)")
          .Produces<string>(contentType: "text/csv");

        api.MapRead("/statements/{id}", async (string id, HttpContext http, ArchiveDbContext db, SourceTextLayouts layouts,
            CancellationToken ct) =>
        {
            var items = await ItemsAsync(db, layouts, db.PublishedStatements.Where(s => s.PublicId == id), Site(http), ct);
            return items.Count == 0
                ? Results.Problem($"There is no published statement “{id}”.", statusCode: StatusCodes.Status404NotFound)
                : Results.Ok(items[0]);
        }).WithSummary("One published statement by its permanent identifier")
          .Produces<StatementItem>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapRead("/reasons", async (ArchiveDbContext db, CancellationToken ct) =>
            {
                var version = await CodebookVersionAsync(db, ct);
                return Results.Ok((await db.Reasons.AsNoTracking()
                    .OrderBy(r => r.Position)
                    .Select(r => new
                    {
                        r.Slug, r.Name, r.Theme, r.Definition, r.Boundary,
                        Count = r.Statements.Count(s => s.Status == PublicationStatus.Published)
                    })
                    .ToListAsync(ct))
                    .Select(r => new ReasonItem(r.Slug, r.Name, r.Theme.Slug(), r.Definition, r.Boundary, r.Count, version)).ToList());
            })
            .WithSummary("The coding scheme: reasons for leaving, with their definitions, counts of published statements and the " +
                "codebook version both follow (codebook_version)")
            .Produces<List<ReasonItem>>();

        api.MapRead("/speakers", async (ArchiveDbContext db, CancellationToken ct) => Results.Ok((await db.Speakers.AsNoTracking()
                .OrderBy(s => s.Key)
                .Select(s => new
                {
                    s.Key, s.Name, s.Description, s.Label, s.Nationality, s.Role, s.IsGroup,
                    Count = s.Statements.Count(x => x.Status == PublicationStatus.Published)
                })
                .ToListAsync(ct))
                .Select(s => new SpeakerItem(s.Key, s.Name, s.Description, s.Label, s.Nationality, s.Role.Slug(), s.IsGroup, s.Count,
                    s.Role.Label()))
                .ToList()))
            .WithSummary("Speakers as the sources identify them; anonymous speakers are kept distinct").Produces<List<SpeakerItem>>();

        api.MapRead("/sources", async (ArchiveDbContext db, CancellationToken ct) => Results.Ok((await db.Sources.AsNoTracking()
                .OrderBy(s => s.Key)
                .Select(s => new
                {
                    s.Key, s.Title, s.Subtitle, s.Chapter, s.ChapterTitle, s.Series, s.SeriesNumber, s.Publisher, s.Author, s.Published,
                    s.Url,
                    Count = s.Statements.Count(x => x.Status == PublicationStatus.Published)
                })
                .ToListAsync(ct))
                .Select(s => new SourceItem(s.Key, s.Title, s.Subtitle, s.Chapter, s.ChapterTitle, s.Series, s.SeriesNumber, s.Publisher,
                    s.Author, s.Published.ToString(), s.Url, s.Count)).ToList()))
            .WithSummary("The publications statements come from").Produces<List<SourceItem>>();

        api.MapRead("/findings", async (ArchiveDbContext db, CancellationToken ct) => Results.Ok(await db.Findings.AsNoTracking()
                .OrderBy(f => f.Key)
                .Select(f => new FindingItem(f.Key, f.Source.Key, f.Footnote, f.Wording, f.Figure, f.Percent, f.PercentQualifier,
                    f.Dataset, f.DatasetSize,
                    f.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList()))
                .ToListAsync(ct)))
            .WithSummary("Figures the sources report about their own datasets: not counts of this archive, never to be added to them")
            .Produces<List<FindingItem>>();
        return app;
    }

    private static string Site(HttpContext http) => Rendering.SiteAddress.Of(http.Request);

    /// <summary>The current codebook version's number, which every reason and count the API gives follows.</summary>
    private static Task<int?> CodebookVersionAsync(ArchiveDbContext db, CancellationToken ct) =>
        db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);

    /// <summary>The API's filters: the search's facets (Search/Facets.cs) and a speaker's key.</summary>
    private static readonly HashSet<string> Known = [.. Facets.All.Select(f => f.Key), "speaker", "page", "page_size"];

    /// <summary>The query's filters applied to the published statements in source order, or a 400 problem saying what is wrong.</summary>
    private static async Task<(IQueryable<Statement> Query, IResult? Problem, int Page, int Size)> FilterAsync(HttpContext http,
        ArchiveDbContext db, SearchCatalog catalog, CancellationToken ct, bool paging = true)
    {
        var q = http.Request.Query;
        IQueryable<Statement> query = db.PublishedStatements.AsNoTracking();
        IResult Bad(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest,
            title: "The request's parameters are not understood");
        if (q.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            return (query, Bad($"“{unknown}” is not a parameter. Use {string.Join(", ", Known)}."), 0, 0);

        var snapshot = await catalog.GetAsync(db, ct);
        foreach (var facet in Facets.All)
        {
            var values = q[facet.Key].Where(v => v is { Length: > 0 }).Select(v => v!).Distinct().ToList();
            if (values.Count == 0) continue;
            var known = facet.Column(snapshot).Values;
            if (facet.ClosedList && values.FirstOrDefault(v => !known.Contains(v)) is { } bad)
                return (query, Bad(NotA(facet, bad, known)), 0, 0);
            query = facet.Filter(query, values);
        }
        var speakers = q["speaker"].Where(v => v is { Length: > 0 }).Select(v => v!).ToList();
        if (speakers.Count > 0) query = query.Where(s => speakers.Contains(s.Speaker.Key));

        var page = 1;
        var size = DefaultPageSize;
        if (paging && q.TryGetValue("page", out var pageText)
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return (query, Bad("page must be a whole number from 1."), 0, 0);
        if (paging && q.TryGetValue("page_size", out var sizeText)
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            return (query, Bad($"page_size must be a whole number from 1 to {MaxPageSize}."), 0, 0);
        return (ArchiveDbContext.InSourceOrder(query), null, page, size);
    }

    /// <summary>A short list is given in full; a long one gets the nearest value.</summary>
    private static string NotA(Facet facet, string value, IReadOnlyList<string> known) => known.Count <= 4
        ? $"“{value}” is not a {facet.Noun}: use {string.Join(", ", known.SkipLast(1))}{(known.Count > 1 ? " or " : "")}{known[^1]}."
        : $"“{value}” is not a {facet.Noun}" + (Suggest.Nearest(value, known) is { } hint ? $"; did you mean “{hint}”?" : ".");

    private static async Task<List<StatementItem>> ItemsAsync(ArchiveDbContext db, SourceTextLayouts layouts, IQueryable<Statement> query,
        string site, CancellationToken ct)
    {
        var rows = await query.Select(s => new
        {
            s.PublicId, s.Kind, s.Language, s.Text, s.Section, s.Footnote, s.SaidWhen, s.Context, s.ContentNote, s.SourceId,
            s.TextVersion, s.AnchorStart, s.AnchorEnd, s.AnchorPrefix, s.AnchorSuffix, s.Provenance, s.ProvenanceWords,
            s.SpokenLanguage, s.Translated,
            Speaker = new
            {
                s.Speaker.Key, s.Speaker.Name, s.Speaker.Description, s.Speaker.Label, s.Speaker.Nationality, s.Speaker.Role,
                s.Speaker.IsGroup
            },
            Source = new
            {
                s.Source.Key, s.Source.Title, s.Source.Chapter, s.Source.ChapterTitle, s.Source.Publisher, s.Source.Published, s.Source.Url
            },
            Reasons = s.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList(),
            Version = db.StatementVersions.Where(v => v.StatementId == s.Id).Max(v => (int?)v.Number),
        }).ToListAsync(ct);
        var places = new TextPlaces(db, layouts);
        var items = new List<StatementItem>(rows.Count);
        foreach (var s in rows)
        {
            var place = await places.FindAsync(s.SourceId, s.TextVersion, s.AnchorStart, s.AnchorEnd, s.AnchorPrefix, s.AnchorSuffix,
                s.Text, ct);
            items.Add(new StatementItem(s.PublicId, $"{site}/s/{s.PublicId}", s.Kind.Slug(), s.Language, s.Text,
                new SpeakerRef(s.Speaker.Key, s.Speaker.Name, s.Speaker.Description, s.Speaker.Label, s.Speaker.Nationality,
                    s.Speaker.Role.Slug(), s.Speaker.IsGroup, s.Speaker.Role.Label()),
                new SourceRef(s.Source.Key, s.Source.Title, s.Source.Chapter, s.Source.ChapterTitle, s.Source.Publisher,
                    s.Source.Published.ToString(), s.Source.Url),
                Statement.Locator(s.Source.Chapter, s.Footnote, s.Section), s.Section, s.Footnote, s.SaidWhen, s.Reasons, s.Context,
                s.ContentNote, place, s.Provenance.Slug(), s.ProvenanceWords, s.SpokenLanguage, StatementExportRow.YesNo(s.Translated),
                s.Version));
        }
        return items;
    }

    private static string QueryWithPage(HttpContext http, int page)
    {
        var parts = http.Request.Query.Where(p => p.Key != "page")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .ToList();
        parts.Add($"page={page}");
        return "?" + string.Join('&', parts);
    }

    /// <summary>
    /// ETag from the archive's version (bumped by every import and edit) and the request's address:
    /// a client that sends it back gets 304 until the archive changes. Caches may keep an answer a minute.
    /// </summary>
    private static async ValueTask<object?> CacheByArchiveVersionAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<ArchiveDbContext>();
        var version = await http.RequestServices.GetRequiredService<ArchiveVersion>().GetAsync(db, http.RequestAborted);
        var address = Encoding.UTF8.GetBytes(http.Request.Path + http.Request.QueryString);
        var etag = $"W/\"{version}-{Convert.ToHexStringLower(SHA256.HashData(address))[..16]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
        http.Response.Headers.Vary = "Origin";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return await next(context);
    }
}
