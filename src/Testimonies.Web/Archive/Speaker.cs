namespace Testimonies.Web.Archive;

/// <summary>
/// A person, or a group, as a source identifies them. Anonymous speakers are never merged:
/// two descriptions are one speaker only when the source says so.
/// </summary>
public class Speaker
{
    public int Id { get; set; }

    /// <summary>Stable reference used by data files and URLs.</summary>
    public required string Key { get; set; }

    /// <summary>Only where the source gives a name (or a kunya such as "Abu Ibrahim").</summary>
    public string? Name { get; set; }

    /// <summary>
    /// How the source describes the speaker, in the source's own words ("a disillusioned British fighter from London"), checked
    /// against its text where the source has one.
    /// </summary>
    public required string Description { get; set; }

    /// <summary>
    /// A short label written by the archive where the source's words alone do not tell speakers apart; shown as the archive's.
    /// </summary>
    public string? Label { get; set; }

    /// <summary>Nationality or origin as the source states it; null when it does not.</summary>
    public string? Nationality { get; set; }

    public SpeakerRole Role { get; set; }

    /// <summary>True when the source attributes the words to several people ("other fighters").</summary>
    public bool IsGroup { get; set; }

    /// <summary>Markdown.</summary>
    public string? Notes { get; set; }

    public List<Statement> Statements { get; set; } = [];

    /// <summary>The source's name, else the archive's label, else the source's words: two "one defector"s must not look alike.</summary>
    public string DisplayName => DisplayNameOf(Name, Label, Description);

    public static string DisplayNameOf(string? name, string? label, string description) => name ?? label ?? Capitalize(description);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
