using System.Globalization;
using System.Text;
using System.Text.Json;
using Testimonies.Web.Citations;
using Testimonies.Web.Rendering;

namespace Testimonies.Web.Search;

/// <summary>
/// The whole result set of a search, with the same parameters as the page: /search.csv and /search.json
/// (every match, in source order), and /search.bib, /search.ris, /search.csl.json for reference managers
/// (/search.qdpx, for QDA programs, is in RefiQda/).
/// </summary>
public static class SearchExports
{
    /// <summary>A search's citation file holds at most this many statements, in source order.</summary>
    public const int MaxCitedStatements = 2000;

    /// <summary>What SearchParameters.Read reads from the query: the cache key of an export holds these only.</summary>
    public static readonly string[] QueryKeys = ["q", "sort", "page", .. Facets.All.Select(f => f.Key)];

    public static IEndpointRouteBuilder MapSearchExports(this IEndpointRouteBuilder app)
    {
        app.MapRead("/search.csv", (HttpContext http, ArchiveDbContext db, StatementSearch search, CancellationToken ct) =>
            DataAsync(http, db, search, "csv", ct)).CacheAsDownload(QueryKeys);
        app.MapRead("/search.json", (HttpContext http, ArchiveDbContext db, StatementSearch search, CancellationToken ct) =>
            DataAsync(http, db, search, "json", ct)).CacheAsDownload(QueryKeys);
        foreach (var (extension, format) in
            new[] { ("bib", CitationFormat.BibTeX), ("ris", CitationFormat.Ris), ("csl.json", CitationFormat.CslJson) })
        {
            app.MapRead($"/search.{extension}", (HttpContext http, ArchiveDbContext db, StatementSearch search, TimeProvider clock,
                SourceTextLayouts layouts, CancellationToken ct) => CitationsAsync(http, db, search, clock, layouts, format, ct))
                .CacheAsDownload(QueryKeys);
        }
        return app;
    }

    /// <summary>The longest a file name's description of the search may be (the name stays well under any file system's limit).</summary>
    public const int MaxNameLength = 80;

    /// <summary>
    /// "testimonies-search-fighting-kind-quotation-2026-12-01" (+ ".csv" and so on): the search's words and filters in
    /// lower-case ASCII letters, digits and hyphens (accents dropped, anything else a hyphen), at most
    /// <see cref="MaxNameLength"/> characters cut at a hyphen; "all" for a search of everything (nothing where the words hold
    /// no such character); then the day. Every search export is named so (also /search.qdpx).
    /// </summary>
    public static string FileName(SearchParameters parameters, DateOnly day)
    {
        var words = new List<string?> { parameters.Text };
        foreach (var facet in Facets.All)
            if (parameters.Filters[facet] is { Count: > 0 } values) words.AddRange([facet.Key, .. values]);
        var described = Rendering.FileNameWords.Of(string.Join(' ', words), MaxNameLength);
        var searched = parameters.Text is not null || words.Count > 1;
        if (described.Length == 0 && !searched) described = "all";
        return string.Create(CultureInfo.InvariantCulture,
            $"testimonies-search-{(described.Length == 0 ? "" : described + "-")}{day:yyyy-MM-dd}");
    }

    /// <summary>A search's parameters as the URL gives them and every match's id, in source order (also /search.qdpx).</summary>
    public static async Task<(SearchParameters Parameters, List<int> Ids)> FindAsync(HttpContext http, ArchiveDbContext db,
        StatementSearch search, CancellationToken cancellationToken)
    {
        var snapshot = await search.Catalog.GetAsync(db, cancellationToken);
        var parameters = SearchParameters.Read(http.Request.Query, snapshot);
        return (parameters, await search.AllIdsAsync(db, parameters.ToRequest(pageSize: 1), cancellationToken));
    }

    private static async Task<IResult> CitationsAsync(HttpContext http, ArchiveDbContext db, StatementSearch search, TimeProvider clock,
        SourceTextLayouts layouts, CitationFormat format, CancellationToken cancellationToken)
    {
        var (parameters, ids) = await FindAsync(http, db, search, cancellationToken);
        var today = CitationDownloads.Today(clock);
        var cited = await CitedStatement.LoadAsync(db, layouts, ids.Take(MaxCitedStatements).ToList(), SiteAddress.Of(http.Request),
            today, cancellationToken);
        return CitationDownloads.Download(http, format, FileName(parameters, today), CitationFiles.Write(format, cited, []));
    }

    private static async Task DataAsync(HttpContext http, ArchiveDbContext db, StatementSearch search, string format,
        CancellationToken cancellationToken)
    {
        var (parameters, ids) = await FindAsync(http, db, search, cancellationToken);
        var query = SearchQuery.Parse(parameters.Text);
        var today = CitationDownloads.Today(http.RequestServices.GetRequiredService<TimeProvider>());
        var rows = StatementExport.RowsAsync(db, http.RequestServices.GetRequiredService<SourceTextLayouts>(), ids,
            SiteAddress.Of(http.Request), today, cancellationToken);

        var response = http.Response;
        var fileName = $"{FileName(parameters, today)}.{format}";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            await StatementExport.WriteCsvAsync(response.Body, rows, cancellationToken);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("query", parameters.Text);
        json.WriteString("searched", query.Text);
        json.WriteStartObject("filters");
        foreach (var facet in Facets.All)
        {
            json.WriteStartArray(facet.Key);
            foreach (var value in parameters.Filters[facet]) json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("notes");
        foreach (var note in parameters.Notes.Concat(query.Notes)) json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteNumber("total", ids.Count);
        json.WriteStartArray("statements");
        await foreach (var row in rows)
        {
            json.WriteStartObject();
            foreach (var (column, cell) in StatementExportRow.Columns.Zip(row.Cells))
            {
                if (column is "reasons" or "reason_labels")
                {
                    json.WriteStartArray(column);
                    foreach (var reason in column == "reasons" ? row.Reasons : row.ReasonLabels) json.WriteStringValue(reason);
                    json.WriteEndArray();
                }
                else if (cell is null) json.WriteNull(column);
                else if (StatementExportRow.NumberColumns.Contains(column))
                    json.WriteNumber(column, int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture));
                else json.WriteString(column, cell);
            }
            json.WriteEndObject();
            if (json.BytesPending > 32_000) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
