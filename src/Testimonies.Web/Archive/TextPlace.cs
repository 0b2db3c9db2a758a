using System.Globalization;

namespace Testimonies.Web.Archive;

/// <summary>
/// Where a statement's words stand in the source's stored text: the section heading (null where the section has none)
/// and the paragraph, counted in its section and in the whole text. Read from the statement's anchor, never typed in.
/// </summary>
public sealed record TextPlace(string? Heading, int NumberInSection, int Number)
{
    public static TextPlace Of(TextLayout.Paragraph paragraph) =>
        new(paragraph.Section.Heading, paragraph.NumberInSection, paragraph.Number);

    /// <summary>"Fighting injustice, para. 3", or "para. 16" where the section has no heading (counted through the text).</summary>
    public string Locator => Heading is { } heading
        ? string.Create(CultureInfo.InvariantCulture, $"{heading}, para. {NumberInSection}")
        : string.Create(CultureInfo.InvariantCulture, $"para. {Number}");

    /// <summary>The place of the words anchored at <paramref name="anchorStart"/> (code points), or null when not anchored.</summary>
    public static async Task<TextPlace?> FindAsync(SourceTextLayouts layouts, ArchiveDbContext db, int sourceId, int? textVersion,
        int? anchorStart, CancellationToken cancellationToken)
    {
        if (textVersion is null || anchorStart is null) return null;
        var found = await layouts.GetAsync(db, sourceId, textVersion, cancellationToken);
        return found?.Layout.ParagraphAtCodePoint(anchorStart.Value) is { } paragraph ? Of(paragraph) : null;
    }
}
