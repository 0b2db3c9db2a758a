namespace Testimonies.Web.Archive;

/// <summary>
/// Someone who codes statements. Known to readers only by key and label ("coder-2", "Coder 2"): the people who
/// maintain an archive of ISIL defectors' words are not named in public unless they choose to be.
/// </summary>
public class Coder
{
    public int Id { get; set; }

    /// <summary>Stable identifier in codings.csv, exports and REFI-QDA's users: lower-case words joined by hyphens.</summary>
    public required string Key { get; set; }

    /// <summary>Name shown to readers ("Coder 1").</summary>
    public required string Label { get; set; }

    /// <summary>What the archive says of this coder, Markdown (e.g. that a first coding was not recorded by name).</summary>
    public string? Notes { get; set; }

    /// <summary>The maintainer's account that codes as this coder in the browser; null for a coder known only from imports.</summary>
    public string? MaintainerId { get; set; }

    public List<Coding> Codings { get; set; } = [];
}
