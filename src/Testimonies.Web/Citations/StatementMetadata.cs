using System.Text.Json;
using System.Text.Json.Nodes;

namespace Testimonies.Web.Citations;

/// <summary>
/// What reference managers and search engines read from a statement page (docs/citations.md). The page is a page of this
/// archive that quotes a source, not a work of the source's publisher: so it carries no Highwire citation_* tags (Zotero and
/// Google Scholar would record a work titled with the quotation, by the publisher, at the archive's address, which does not
/// exist). Dublin Core and Open Graph describe the archive page; schema.org JSON-LD describes the quotation, its speaker
/// as the source describes them, and the source it is based on.
/// </summary>
public sealed record StatementMetadata(
    string Title, string PageTitle, string Description, string Language, string Permalink, string SiteAddress, string SpeakerName,
    bool SpeakerIsGroup, StatementKind Kind, string Text, CitedWork Work)
{
    /// <summary>The meta tags as (attribute, key, content): name= for DC and Twitter; property= for Open Graph.</summary>
    public IEnumerable<(string Attribute, string Key, string Content)> Tags()
    {
        yield return ("name", "DC.title", PageTitle);
        yield return ("name", "DC.publisher", CitationStyles.SiteName);
        yield return ("name", "DC.type", "Text");
        yield return ("name", "DC.identifier", Permalink);
        yield return ("name", "DC.language", Language);
        yield return ("property", "og:type", "website");
        yield return ("property", "og:title", $"{Title} ({SpeakerName})");
        yield return ("property", "og:description", Description);
        yield return ("property", "og:url", Permalink);
        yield return ("property", "og:site_name", CitationStyles.SiteName);
        yield return ("name", "twitter:card", "summary");
        yield return ("name", "twitter:title", $"{Title} ({SpeakerName})");
        yield return ("name", "twitter:description", Description);
    }

    /// <summary>schema.org Quotation (or, for a paraphrase, a CreativeWork about what was said), as JSON.
    /// System.Text.Json escapes &lt;, &gt; and &amp;, so the text cannot close its script element.</summary>
    public string JsonLd()
    {
        var source = Source(Work);
        var creator = new JsonObject { ["@type"] = SpeakerIsGroup ? "Organization" : "Person", ["name"] = SpeakerName };
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = Kind == StatementKind.Quotation ? "Quotation" : "CreativeWork",
            ["text"] = Text,
            ["inLanguage"] = Language,
            ["url"] = Permalink,
            [Kind == StatementKind.Quotation ? "creator" : "about"] = creator,
            ["isBasedOn"] = source,
            ["citation"] = source.DeepClone(),
            ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = CitationStyles.SiteName, ["url"] = SiteAddress + "/" },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>The source: a Chapter of a Report when it is a chapter, else the Report; the publisher stands as author when none
    /// is named.</summary>
    public static JsonObject Source(CitedWork work)
    {
        var report = new JsonObject
        {
            ["@type"] = "Report",
            ["name"] = work.FullTitle,
            ["author"] = new JsonObject { ["@type"] = work.Author is null ? "Organization" : "Person", ["name"] = work.Creator },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = work.Publisher },
            ["datePublished"] = work.Published.ToString(),
        };
        if (work.SeriesNumber is not null) report["reportNumber"] = work.SeriesNumber;
        if (work.Url is not null) report["url"] = work.Url;
        if (work.ChapterTitle is null) return report;
        return new JsonObject
        {
            ["@type"] = "Chapter",
            ["name"] = work.ChapterTitle,
            ["position"] = work.Chapter,
            ["publisher"] = report["publisher"]!.DeepClone(),
            ["datePublished"] = work.Published.ToString(),
            ["isPartOf"] = report,
        };
    }
}
