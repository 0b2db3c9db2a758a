using System.Collections.Concurrent;

namespace Testimonies.Web.Archive;

/// <summary>
/// Source texts read as <see cref="TextLayout"/>s, kept per stored version (a version never changes once stored), so that
/// statement pages, citations and the reader do not parse a text on every request.
/// </summary>
public sealed class SourceTextLayouts
{
    /// <summary>At most this many versions are kept (a text of a book is a few MB).</summary>
    private const int MaxKept = 64;

    private readonly ConcurrentDictionary<(int SourceId, int Version), (SourceText Text, TextLayout Layout)> _byVersion = new();

    /// <summary>
    /// The given version of the source's text, or its latest when <paramref name="version"/> is null; null when it has none.
    /// A version asked for by number and read before costs no query (a statement's anchor names its version).
    /// </summary>
    public async Task<(SourceText Text, TextLayout Layout)?> GetAsync(ArchiveDbContext db, int sourceId, int? version,
        CancellationToken cancellationToken)
    {
        if (version is { } asked && _byVersion.TryGetValue((sourceId, asked), out var kept)) return kept;
        var found = await (version is { } v ? db.SourceTexts.Where(t => t.Version == v) : db.LatestSourceTexts).AsNoTracking()
            .Where(t => t.SourceId == sourceId).Select(t => (int?)t.Version).SingleOrDefaultAsync(cancellationToken);
        if (found is not { } number) return null;
        if (_byVersion.TryGetValue((sourceId, number), out var known)) return known;
        var text = await db.SourceTexts.AsNoTracking().SingleAsync(t => t.SourceId == sourceId && t.Version == number, cancellationToken);
        if (_byVersion.Count >= MaxKept) _byVersion.Clear();
        return _byVersion[(sourceId, number)] = (text, new TextLayout(text.Text, text.Headings, text.EndsBefore));
    }
}
