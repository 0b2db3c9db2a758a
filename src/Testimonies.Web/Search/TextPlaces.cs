namespace Testimonies.Web.Search;

/// <summary>
/// Finds statements' <see cref="AnchorInText"/>s for one export or answer: each source text's layout is asked for once
/// (the layouts themselves are cached across requests by <see cref="SourceTextLayouts"/>).
/// </summary>
public sealed class TextPlaces(ArchiveDbContext db, SourceTextLayouts layouts)
{
    private readonly Dictionary<(int Source, int Version), (SourceText Text, TextLayout Layout)?> _seen = [];

    /// <summary>The place of an anchored statement; null when it was not checked against a stored text.</summary>
    public async Task<AnchorInText?> FindAsync(int sourceId, int? version, int? start, int? end, string? prefix, string? suffix,
        string text, CancellationToken cancellationToken)
    {
        if (version is not { } v || start is not { } from || end is not { } to) return null;
        if (!_seen.TryGetValue((sourceId, v), out var found))
            _seen[(sourceId, v)] = found = await layouts.GetAsync(db, sourceId, v, cancellationToken);
        if (found is not { } stored) return null;
        var place = stored.Layout.ParagraphAtCodePoint(from) is { } paragraph ? TextPlace.Of(paragraph) : null;
        return new AnchorInText(v, stored.Text.Sha256, from, to, prefix, text, suffix, place?.Heading, place?.NumberInSection,
            place?.Number);
    }
}
