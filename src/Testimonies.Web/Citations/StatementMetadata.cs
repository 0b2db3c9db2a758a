using System.Text.Json;
using System.Text.Json.Nodes;

namespace Testimonies.Web.Citations;

/// <summary>
/// What reference managers and search engines read from a statement page (docs/citations.md):
/// Highwire citation_* tags (Google Scholar, Zotero), Dublin Core, Open Graph, a Twitter card, and
/// schema.org JSON-LD. The page is described as the statement as its source published it; the source
/// names no author, so its publisher stands as author (one organisation name), never a guessed person.
/// </summary>
public sealed record StatementMetadata(
    string Title, string Description, string Author, string Publisher, PartialDate Published, string Language,
    string Permalink, string SpeakerName, bool SpeakerIsGroup, string SourceTitle, string? SourceUrl, string Text, StatementKind Kind)
{
    /// <summary>The meta tags as (attribute, key, content): name= for Highwire, DC and Twitter; property= for Open Graph.</summary>
    public IEnumerable<(string Attribute, string Key, string Content)> Tags()
    {
        var scholarDate = Published.Month is null ? $"{Published.Year}" : Published.Day is null
            ? $"{Published.Year}/{Published.Month:D2}" : $"{Published.Year}/{Published.Month:D2}/{Published.Day:D2}";
        yield return ("name", "citation_title", Title);
        yield return ("name", "citation_author", Author);
        yield return ("name", "citation_publication_date", scholarDate);
        yield return ("name", "citation_publisher", Publisher);
        yield return ("name", "citation_public_url", Permalink);
        yield return ("name", "citation_language", Language);
        yield return ("name", "DC.title", Title);
        yield return ("name", "DC.creator", Author);
        yield return ("name", "DC.date", Published.ToString());
        yield return ("name", "DC.publisher", Publisher);
        yield return ("name", "DC.type", "Text");
        yield return ("name", "DC.identifier", Permalink);
        yield return ("name", "DC.language", Language);
        yield return ("property", "og:type", "website");
        yield return ("property", "og:title", $"{Title} ({SpeakerName})");
        yield return ("property", "og:description", Description);
        yield return ("property", "og:url", Permalink);
        yield return ("property", "og:site_name", "Testimonies");
        yield return ("name", "twitter:card", "summary");
        yield return ("name", "twitter:title", $"{Title} ({SpeakerName})");
        yield return ("name", "twitter:description", Description);
    }

    /// <summary>schema.org Quotation (or, for a paraphrase, a CreativeWork about what was said), as JSON.
    /// System.Text.Json escapes &lt;, &gt; and &amp;, so the text cannot close its script element.</summary>
    public string JsonLd()
    {
        var basedOn = new JsonObject
        {
            ["@type"] = "Report",
            ["name"] = SourceTitle,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = Publisher },
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = Author },
            ["datePublished"] = Published.ToString(),
        };
        if (SourceUrl is not null) basedOn["url"] = SourceUrl;
        var creator = new JsonObject { ["@type"] = SpeakerIsGroup ? "Organization" : "Person", ["name"] = SpeakerName };
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = Kind == StatementKind.Quotation ? "Quotation" : "CreativeWork",
            ["text"] = Text,
            ["inLanguage"] = Language,
            ["url"] = Permalink,
            [Kind == StatementKind.Quotation ? "creator" : "about"] = creator,
            ["isBasedOn"] = basedOn,
            ["citation"] = basedOn.DeepClone(),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
