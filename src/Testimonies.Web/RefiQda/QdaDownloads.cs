using System.Globalization;
using System.Text;
using System.Xml;
using Testimonies.Web.Rendering;
using Testimonies.Web.Search;

namespace Testimonies.Web.RefiQda;

/// <summary>
/// The REFI-QDA downloads: /dataset.qdpx (every published statement), /search.qdpx (a search's whole result, with the
/// parameters and leniency of /search.csv) and /codebook.qdc (the codebook, current or ?version=n). A project is written
/// into a temporary file deleted when the response is sent, never held in memory.
/// </summary>
public static class QdaDownloads
{
    public const string CodebookNamespace = "urn:QDA-XML:codebook:1.0";
    private const string ProjectType = "application/zip";
    private const string CodebookType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapQdaDownloads(this IEndpointRouteBuilder app)
    {
        app.MapRead("/dataset.qdpx", async (HttpContext http, ArchiveDbContext db, TimeProvider clock,
            CancellationToken ct) =>
        {
            var version = await db.ReadVersionAsync(ct);
            var scope = new QdaScope($"Testimonies, dataset version {version}",
                "Every published statement of the Testimonies archive.", null);
            return await ProjectAsync(http, db, clock, scope, $"testimonies-dataset-v{version}.qdpx", ct);
        }).CacheAsDownload(); // it reads no query parameter

        app.MapRead("/search.qdpx", async (HttpContext http, ArchiveDbContext db, StatementSearch search,
            TimeProvider clock, CancellationToken ct) =>
        {
            var (parameters, ids) = await SearchExports.FindAsync(http, db, search, ct);
            var query = SearchQuery.Parse(parameters.Text);
            var about = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"The {ids.Count} published statements of a search of the Testimonies archive: " +
                $"{SiteAddress.Of(http.Request)}{parameters.Url("/search", sort: null)}");
            foreach (var note in parameters.Notes.Concat(query.Notes)) about.Append(CultureInfo.InvariantCulture, $"\nNote: {note}");
            var scope = new QdaScope("Testimonies, search results", about.ToString(), ids.ToHashSet());
            var fileName = $"{SearchExports.FileName(parameters, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))}.qdpx";
            return await ProjectAsync(http, db, clock, scope, fileName, ct);
        }).CacheAsDownload(SearchExports.QueryKeys);

        app.MapRead("/codebook.qdc", CodebookAsync).CacheAsDownload("version");
        return app;
    }

    private static async Task<IResult> ProjectAsync(HttpContext http, ArchiveDbContext db, TimeProvider clock, QdaScope scope,
        string fileName, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"testimonies-qdpx-{Guid.NewGuid():N}.qdpx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await QdaProject.WriteAsync(db, file, scope, SiteAddress.Of(http.Request), clock.GetUtcNow(), ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Stream(file, ProjectType);
    }

    private static async Task<IResult> CodebookAsync(HttpContext http, ArchiveDbContext db, CancellationToken ct)
    {
        IReadOnlyList<CodebookCode> codes;
        int? number = null;
        var asked = http.Request.Query["version"].ToString();
        if (asked.Length > 0)
        {
            if (!int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return Results.Problem("version must be a codebook version's number, a whole number from 1.",
                    statusCode: StatusCodes.Status400BadRequest, title: "The request's parameters are not understood");
            var version = await db.CodebookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == n, ct);
            if (version is null)
                return Results.Problem($"There is no codebook version {n}.", statusCode: StatusCodes.Status404NotFound,
                    title: "No such codebook version");
            if (version.Codes() is not { } held)
                return Results.Problem($"The archive does not hold the codes of codebook version {n} (it was restored from a dataset " +
                    "whose codebook.json has them).", statusCode: StatusCodes.Status404NotFound, title: "Codes not held");
            (codes, number) = (held, n);
        }
        else if (await db.CurrentCodebook.AsNoTracking().FirstOrDefaultAsync(ct) is { } current && current.Codes() is { } held)
        {
            (codes, number) = (held, current.Number);
        }
        else
        {
            // No version recorded yet (or the current one's codes not held): the reasons table is the current codebook.
            codes = (await db.Reasons.AsNoTracking().ToListAsync(ct)).Select(CodebookCode.Of).ToList();
        }

        var body = new MemoryStream();
        using (var xml = XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("CodeBook", CodebookNamespace);
            xml.WriteAttributeString("origin", $"Testimonies ({SiteAddress.Of(http.Request)})");
            QdaCodebook.WriteCodes(xml, codes, number is { } v ? $", codebook version {v}" : null);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        var name = number is { } shown ? $"testimonies-codebook-v{shown}.qdc" : "testimonies-codebook.qdc";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Bytes(body.ToArray(), CodebookType);
    }
}
