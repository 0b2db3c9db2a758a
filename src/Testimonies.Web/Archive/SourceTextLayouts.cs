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

    private readonly ConcurrentDictionary<int, (SourceText Text, TextLayout Layout)> _byId = new();

    /// <summary>
    /// The given version of the source's text, or its latest when <paramref name="version"/> is null; null when it has none.
    /// </summary>
    public async Task<(SourceText Text, TextLayout Layout)?> GetAsync(ArchiveDbContext db, int sourceId, int? version,
        CancellationToken cancellationToken)
    {
        var query = db.SourceTexts.AsNoTracking().Where(t => t.SourceId == sourceId);
        var id = await (version is { } v ? query.Where(t => t.Version == v) : query.OrderByDescending(t => t.Version))
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null) return null;
        if (_byId.TryGetValue(id.Value, out var known)) return known;
        var text = await db.SourceTexts.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        if (_byId.Count >= MaxKept) _byId.Clear();
        return _byId[id.Value] = (text, new TextLayout(text.Text, text.Headings, text.EndsBefore));
    }
}
