using System.Linq.Expressions;

namespace Testimonies.Web.Archive;

/// <summary>What a list shows of one statement: the words, who, where, and why.</summary>
public sealed record StatementCard(
    int Id,
    string PublicId,
    string Text,
    StatementKind Kind,
    string Language,
    string SpeakerKey,
    string SpeakerName,
    string SourceKey,
    string SourcePublisher,
    PartialDate SourcePublished,
    string? Chapter,
    string? Footnote,
    string? Section,
    string? ContentNote,
    List<ReasonLink> Reasons,
    bool SpeakerNameIsArchives = false)
{
    public string Locator => Statement.Locator(Chapter, Footnote, Section);

    /// <summary>The words as HTML with search matches in &lt;mark&gt; (already encoded); null outside search results.</summary>
    public string? MarkedTextHtml { get; init; }

    /// <summary>A matched excerpt of the context note as HTML (already encoded); null when the context did not match.</summary>
    public string? ContextMatchHtml { get; init; }

    /// <summary>
    /// The speaker's name, or the archive's label (then <see cref="SpeakerNameIsArchives"/>), or the source's description, capitalised
    /// to open a line.
    /// </summary>
    public string SpeakerLabel => SpeakerName.Length == 0 ? SpeakerName : char.ToUpperInvariant(SpeakerName[0]) + SpeakerName[1..];

    /// <summary>
    /// The card without its reasons: lists add them with a second query keyed by the page's ids
    /// (see Pages/Statements/StatementList.cs), search takes them from its catalog.
    /// </summary>
    public static readonly Expression<Func<Statement, StatementCard>> WithoutReasons = s => new StatementCard(
        s.Id, s.PublicId, s.Text, s.Kind, s.Language,
        s.Speaker.Key, s.Speaker.Name ?? s.Speaker.Label ?? s.Speaker.Description,
        s.Source.Key, s.Source.Publisher, s.Source.Published, s.Source.Chapter,
        s.Footnote, s.Section, s.ContentNote, new List<ReasonLink>(), s.Speaker.Name == null && s.Speaker.Label != null);
}
