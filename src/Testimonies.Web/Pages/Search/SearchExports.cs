using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;
using Testimonies.Web.Pages.Statements;
using Testimonies.Web.Search;

namespace Testimonies.Web.Pages.Search;

/// <summary>/search.csv and /search.json: the whole result set of a search, with the same parameters as the page.</summary>
public static class SearchExports
{
    public static readonly string[] Columns =
        ["id", "url", "kind", "language", "text", "speaker", "speaker_description", "nationality", "role",
         "source", "source_title", "locator", "section", "footnote", "said_when", "reasons", "content_note"];

    private sealed record Row(string Id, string Url, string Kind, string Language, string Text, string Speaker, string SpeakerDescription,
        string? Nationality, string Role, string Source, string SourceTitle, string Locator, string? Section, string? Footnote,
        string? SaidWhen, string Reasons, string? ContentNote)
    {
        public string?[] Cells => [Id, Url, Kind, Language, Text, Speaker, SpeakerDescription, Nationality, Role, Source, SourceTitle,
            Locator, Section, Footnote, SaidWhen, Reasons, ContentNote];
    }

    public static IEndpointRouteBuilder MapSearchExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search.csv", (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, CancellationToken ct) => ExportAsync(http, db, catalog, "csv", ct));
        app.MapGet("/search.json", (HttpContext http, ArchiveDbContext db, SearchCatalog catalog, CancellationToken ct) => ExportAsync(http, db, catalog, "json", ct));
        return app;
    }

    private static async Task ExportAsync(HttpContext http, ArchiveDbContext db, SearchCatalog catalog, string format, CancellationToken cancellationToken)
    {
        var parameters = await SearchParameters.ReadAsync(http.Request.Query, db, catalog, cancellationToken);
        var request = parameters.ToRequest(pageSize: 1);
        var query = SearchQuery.Parse(request.Text);
        var ids = await StatementSearch.AllIdsAsync(db, catalog, request, cancellationToken);
        var baseUrl = Rendering.SiteAddress.Of(http.Request);

        var response = http.Response;
        var fileName = $"testimonies-search-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
            await response.Body.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), leaveOpen: true);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var column in Columns) csv.WriteField(column);
            await csv.NextRecordAsync();
            await foreach (var row in RowsAsync(db, ids, baseUrl, cancellationToken))
            {
                foreach (var cell in row.Cells) csv.WriteField(NeutraliseFormula(cell));
                await csv.NextRecordAsync();
            }
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("query", parameters.Text);
            json.WriteString("searched", query.Text);
            json.WriteStartObject("filters");
            foreach (var (name, values) in parameters.FacetValues())
            {
                json.WriteStartArray(name);
                foreach (var value in values) json.WriteStringValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartArray("notes");
            foreach (var note in parameters.Notes.Concat(query.Notes)) json.WriteStringValue(note);
            json.WriteEndArray();
            json.WriteNumber("total", ids.Count);
            json.WriteStartArray("statements");
            await foreach (var row in RowsAsync(db, ids, baseUrl, cancellationToken))
            {
                json.WriteStartObject();
                foreach (var (column, cell) in Columns.Zip(row.Cells))
                {
                    if (column == "reasons")
                    {
                        json.WriteStartArray(column);
                        foreach (var reason in (cell ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)) json.WriteStringValue(reason);
                        json.WriteEndArray();
                    }
                    else if (cell is null) json.WriteNull(column);
                    else json.WriteString(column, cell);
                }
                json.WriteEndObject();
                if (json.BytesPending > 32_000) await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static async IAsyncEnumerable<Row> RowsAsync(ArchiveDbContext db, List<int> ids, string baseUrl,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Statements.AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new
                {
                    s.Id, s.PublicId, s.Kind, s.Language, s.Text, s.Speaker.Name, s.Speaker.Description, s.Speaker.Nationality, s.Speaker.Role,
                    SourceKey = s.Source.Key, s.Source.Title, s.Source.ChapterTitle, s.Source.Chapter, s.Section, s.Footnote, s.SaidWhen, s.ContentNote,
                    Reasons = s.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToList(),
                })
                .ToDictionaryAsync(s => s.Id, cancellationToken);
            foreach (var id in chunk)
            {
                if (!rows.TryGetValue(id, out var s)) continue;
                yield return new Row(s.PublicId, $"{baseUrl}/s/{s.PublicId}", s.Kind.ToString().ToLowerInvariant(), s.Language, s.Text,
                    s.Name ?? s.Description, s.Description, s.Nationality, s.Role.Label(), s.SourceKey,
                    s.ChapterTitle is null ? s.Title : $"{s.ChapterTitle} ({s.Title})",
                    Statement.Locator(s.Chapter, s.Footnote, s.Section),
                    s.Section, s.Footnote, s.SaidWhen, string.Join(';', s.Reasons), s.ContentNote);
            }
        }
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
    /// apostrophe, so opening an export never executes anything.
    /// </summary>
    public static string? NeutraliseFormula(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
