using System.Globalization;
using System.Text;
using System.Xml;

namespace Testimonies.Web.Pages.Discovery;

/// <summary>
/// /robots.txt, /sitemap.xml and /feed.atom (newly published statements): how crawlers and feed readers find the archive.
/// </summary>
public static class DiscoveryEndpoints
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapRead("/robots.txt", (HttpContext http) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /search?\nDisallow: /search.\nSitemap: {Site(http)}/sitemap.xml\n",
            "text/plain; charset=utf-8"));
        app.MapRead("/sitemap.xml", SitemapAsync);
        app.MapRead("/feed.atom", FeedAsync);
        return app;
    }

    private static string Site(HttpContext http) => Rendering.SiteAddress.Of(http.Request);

    private static async Task<IResult> SitemapAsync(HttpContext http, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var site = Site(http);
        var paths = new List<string> { "/", "/statements", "/reasons", "/speakers", "/sources", "/statistics", "/search", "/about",
            "/codebook", "/codebook/versions", "/sets" };
        paths.AddRange((await db.PublishedStatements.OrderBy(s => s.PublicId).Select(s => s.PublicId).ToListAsync(cancellationToken))
            .Select(id => $"/s/{id}"));
        paths.AddRange((await db.Reasons.OrderBy(r => r.Position).Select(r => r.Slug).ToListAsync(cancellationToken))
            .Select(slug => $"/reasons/{slug}"));
        paths.AddRange((await db.Speakers.OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(cancellationToken))
            .Select(key => $"/speakers/{key}"));
        paths.AddRange((await db.Sources.OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(cancellationToken))
            .Select(key => $"/sources/{key}"));
        paths.AddRange((await db.CuratedSets.Where(c => c.Published).OrderBy(c => c.Slug).Select(c => c.Slug)
            .ToListAsync(cancellationToken)).Select(slug => $"/sets/{slug}"));
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in paths)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", site + path);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> FeedAsync(HttpContext http, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var site = Site(http);
        // Newest first by the day each statement entered the archive (its first revision); the id breaks ties.
        var entries = await db.PublishedStatements.AsNoTracking()
            .Select(s => new
            {
                s.Id, s.PublicId, s.Text, s.Kind, SpeakerName = s.Speaker.Name, s.Speaker.Description, s.Source.Publisher,
                Added = s.Revisions.Where(r => r.Changes == "created").Select(r => r.At).FirstOrDefault(),
            })
            .OrderByDescending(s => s.Id).Take(FeedSize)
            .ToListAsync(cancellationToken);
        var fallback = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteElementString("title", "Testimonies: newly published statements");
            writer.WriteElementString("id", site + "/feed.atom");
            writer.WriteElementString("updated",
                Date(entries.Count == 0 ? fallback : entries.Max(e => e.Added == default ? fallback : e.Added)));
            Link(writer, "self", site + "/feed.atom");
            Link(writer, "alternate", site + "/statements");
            writer.WriteStartElement("author");
            writer.WriteElementString("name", "Testimonies");
            writer.WriteEndElement();
            foreach (var entry in entries)
            {
                var speaker = entry.SpeakerName ?? entry.Description;
                writer.WriteStartElement("entry");
                writer.WriteElementString("id", $"{site}/s/{entry.PublicId}");
                writer.WriteElementString("title",
                    $"{(entry.Kind == StatementKind.Quotation ? "Words of" : "Account of")} {speaker} ({entry.PublicId})");
                writer.WriteElementString("updated", Date(entry.Added == default ? fallback : entry.Added));
                Link(writer, "alternate", $"{site}/s/{entry.PublicId}");
                writer.WriteStartElement("summary");
                writer.WriteAttributeString("type", "text");
                writer.WriteString((entry.Kind == StatementKind.Quotation ? $"“{entry.Text}”" : $"Paraphrase: {entry.Text}")
                    + $" — {speaker}, as reported by {entry.Publisher}");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter writer, string rel, string href)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> write)
    {
        var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return text.ToString();
    }

    /// <summary>So that the XML declaration says UTF-8, which is what is sent.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }
        public override Encoding Encoding => Encoding.UTF8;
    }
}
