namespace Testimonies.Web.Search;

/// <summary>A statement found, with its words (and a matched excerpt of its context) as HTML with the matches marked.</summary>
public sealed record SearchHit(StatementCard Card, string TextHtml, string? ContextHtml);
