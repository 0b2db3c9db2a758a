namespace Testimonies.Web.Archive;

/// <summary>
/// A change to a speaker, source or reason, kept forever as a statement's revision is: who, when, through
/// what, which columns changed, and their values before and after. Rows are named by their stable key
/// (keys never change), so a revision needs no foreign key into three tables.
/// </summary>
public class RowRevision
{
    public int Id { get; set; }

    /// <summary>"speakers", "sources" or "reasons": the table's name in the import format and in /admin/{table}.</summary>
    public required string Table { get; set; }

    /// <summary>The row's key (speakers, sources) or slug (reasons).</summary>
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }
    public required string By { get; set; }

    /// <summary>"import 12", "edit", "command-line import" or "load", as for statements.</summary>
    public required string Origin { get; set; }

    /// <summary>"created", or the import format's columns that changed: "description, notes".</summary>
    public required string Changes { get; set; }

    /// <summary>The changed columns' values before, as a JSON object of column to text; null when the row was created.</summary>
    public string? Before { get; set; }

    /// <summary>The changed columns' values after (every column, when created), as a JSON object.</summary>
    public required string After { get; set; }
}
