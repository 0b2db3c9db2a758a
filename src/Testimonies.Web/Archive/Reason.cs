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
