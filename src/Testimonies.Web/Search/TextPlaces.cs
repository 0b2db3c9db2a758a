namespace Testimonies.Web.Search;

/// <summary>
/// Finds statements' <see cref="AnchorInText"/>s for one export or answer, from the layouts <see cref="SourceTextLayouts"/>
/// keeps per version (no query per statement).
/// </summary>
public sealed class TextPlaces(ArchiveDbContext db, SourceTextLayouts layouts)
{
    /// <summary>The place of an anchored statement; null when it was not checked against a stored text.</summary>
    public async Task<AnchorInText?> FindAsync(int sourceId, int? version, int? start, int? end, string? prefix, string? suffix,
        string text, CancellationToken cancellationToken)
    {
        if (version is not { } v || start is not { } from || end is not { } to) return null;
        if (await layouts.GetAsync(db, sourceId, v, cancellationToken) is not { } stored) return null;
        var place = stored.Layout.ParagraphAtCodePoint(from) is { } paragraph ? TextPlace.Of(paragraph) : null;
        return new AnchorInText(v, stored.Text.Sha256, from, to, prefix, text, suffix, place?.Heading, place?.NumberInSection,
            place?.Number);
    }
}
