namespace Testimonies.Web.Archive;

/// <summary>
/// A set of statements chosen and described by the archive's editors, public at /sets/{Slug} while published. A reader's set
/// is a URL only (/sets?ids=…) and is never stored; a curated set is its URL's ids kept under a permanent name.
/// </summary>
public class CuratedSet
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    /// <summary>Long enough for the most statements a set holds, each id at its longest, with their commas.</summary>
    public const int StatementIdsMaxLength = 4200;

    public int Id { get; set; }

    /// <summary>The permanent address's last segment: lower-case letters, digits and hyphens.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>The editors' description, Markdown; shown as the archive's words.</summary>
    public string? Description { get; set; }

    /// <summary>The statements' public ids in the set's order, comma-separated.</summary>
    public required string StatementIds { get; set; }

    /// <summary>False when unpublished: the address then answers 404 and the set stays for editors.</summary>
    public bool Published { get; set; }

    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Counts the editors' saves: a form opened at an older count is refused (409), never saved over a newer one.</summary>
    public int Version { get; set; }
}
