using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Testimonies.Web.Pages.Codebook;

/// <summary>/codebook.json: the current codebook version, or ?version=n, with its number, date, note and codes (snake_case).</summary>
public static class CodebookDownload
{
    public const string Note = "The archive's own codebook: its names, definitions and boundaries are written by the archive " +
        "to code the statements, not quoted from any source.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapCodebookDownload(this IEndpointRouteBuilder app)
    {
        app.MapRead("/codebook.json", async (HttpContext http, ArchiveDbContext db, CancellationToken ct) =>
        {
            CodebookEdition? edition;
            if (!http.Request.Query.TryGetValue("version", out var asked) || asked.ToString().Length == 0)
                edition = await CodebookEditions.CurrentAsync(db, ct);
            else if (asked.Count == 1 && int.TryParse(asked[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number > 0)
                edition = await CodebookEditions.VersionAsync(db, number, ct);
            else
                return Results.Problem("version must be a codebook version's number: a whole number from 1, such as ?version=1.",
                    statusCode: StatusCodes.Status400BadRequest, title: "The request's parameters are not understood");
            if (edition is null)
                return Results.Problem($"The archive has no codebook version {asked}. /codebook/versions lists them.",
                    statusCode: StatusCodes.Status404NotFound, title: "No such codebook version");
            http.Response.Headers.ContentDisposition =
                $"inline; filename=\"testimonies-codebook{(edition.Number is { } n ? $"-v{n}" : "")}.json\"";
            return Results.Json(new
            {
                Version = edition.Number,
                Dated = edition.Dated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                edition.ChangeNote,
                Current = edition.IsCurrent,
                CurrentVersion = edition.CurrentNumber,
                Note,
                CodesHeld = edition.Codes is not null,
                edition.Codes,
            }, Json);
        }).CacheAsDownload("version");
        return app;
    }
}
