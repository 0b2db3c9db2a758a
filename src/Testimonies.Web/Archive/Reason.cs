namespace Testimonies.Web.Archive;

/// <summary>A reason for leaving, in the archive's coding scheme.</summary>
public class Reason
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>When to code a statement with this reason.</summary>
    public required string Definition { get; set; }

    /// <summary>When not to, and which neighbouring reason applies instead.</summary>
    public string? Boundary { get; set; }

    public Theme Theme { get; set; }

    /// <summary>Order in lists (the taxonomy's own order).</summary>
    public int Position { get; set; }

    public List<Statement> Statements { get; set; } = [];
    public List<PublishedFinding> Findings { get; set; } = [];
}

/// <summary>The three themes of the first source's chapter, plus everything else.</summary>
public enum Theme
{
    FightingInjustice,
    IslamicUnity,
    CorruptionAndBarbarism,
    Other,
}

public static class ThemeNames
{
    /// <summary>Each theme by its slug, as data files and URLs spell it.</summary>
    public static readonly IReadOnlyDictionary<string, Theme> BySlug = Enum.GetValues<Theme>().ToDictionary(t => t.Slug());

    public static string Name(this Theme theme) => theme switch
    {
        Theme.FightingInjustice => "Fighting injustice",
        Theme.IslamicUnity => "Islamic unity",
        Theme.CorruptionAndBarbarism => "Corruption and barbarism",
        _ => "Other",
    };

    public static string Slug(this Theme theme) => theme switch
    {
        Theme.FightingInjustice => "fighting-injustice",
        Theme.IslamicUnity => "islamic-unity",
        Theme.CorruptionAndBarbarism => "corruption-and-barbarism",
        _ => "other",
    };
}
