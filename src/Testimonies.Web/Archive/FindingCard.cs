using System.Linq.Expressions;

namespace Testimonies.Web.Archive;

/// <summary>What a page shows of a source's published finding: its words and figure as the source gives them, and where.</summary>
public sealed record FindingCard(string Wording, string Figure, string Dataset, string? Footnote, string SourceKey, string SourcePublisher,
    PartialDate SourcePublished, string? SourceChapter, List<ReasonLink> Reasons)
{
    public static readonly Expression<Func<PublishedFinding, FindingCard>> Projection = f => new FindingCard(
        f.Wording, f.Figure, f.Dataset, f.Footnote, f.Source.Key, f.Source.Publisher, f.Source.Published, f.Source.Chapter,
        f.Reasons.OrderBy(r => r.Position).Select(r => new ReasonLink(r.Slug, r.Name)).ToList());
}
