using System.Text.RegularExpressions;

namespace Testimonies.Web.Archive;

/// <summary>
/// A source text read as sections and paragraphs (docs/data-format.md, "Source texts"): blocks of lines between blank
/// lines; a block that is one of the text's declared headings opens a section; two or more blank lines in a row break
/// the section without a heading (the archive names no section the text does not name); everything from the declared
/// end line on is not part of the work. Paragraphs are numbered in the whole text and within their section, and
/// "Footnote 95" markers are found where the web text glues them to words. Offsets are UTF-16 indices into the text.
/// </summary>
public sealed partial class TextLayout
{
    public sealed record Section(int Number, string? Heading, int HeadingStart, int HeadingEnd);

    /// <summary>A paragraph: its number in the text (1…) and in its section (1…), its span, the markers in it.</summary>
    public sealed record Paragraph(int Number, int NumberInSection, Section Section, int Start, int End, IReadOnlyList<Marker> Markers);

    /// <summary>
    /// A footnote marker: "Footnote 95" from Start to End, then the stray closing quotes the web text leaves (DebrisEnd).
    /// </summary>
    public sealed record Marker(string Number, int Start, int End, int DebrisEnd);

    public IReadOnlyList<Section> Sections { get; }
    public IReadOnlyList<Paragraph> Paragraphs { get; }

    /// <summary>Where the work ends and the furniture begins (the text's length when it has none).</summary>
    public int WorkEnd { get; }

    public string Text { get; }

    [GeneratedRegex(@"Footnote\s?(\d+)(\s?(’’|''|”|’)?)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    public static IReadOnlyList<string> HeadingLines(string? headings) =>
        headings is null ? [] : [.. headings.Split('\n').Select(h => h.Trim()).Where(h => h.Length > 0)];

    public TextLayout(string text, string? headings, string? endsBefore)
    {
        Text = text;
        var declared = HeadingLines(headings).ToHashSet(StringComparer.Ordinal);
        var sections = new List<Section>();
        var paragraphs = new List<Paragraph>();
        var section = new Section(1, null, 0, 0);
        sections.Add(section);
        var inSection = 0;
        var blankRun = 0;
        WorkEnd = text.Length;
        var position = 0;
        var blockStart = -1;
        var blockEnd = -1;
        var ended = false;

        void Close()
        {
            if (blockStart < 0) return;
            var block = text[blockStart..blockEnd];
            if (declared.Contains(block.Trim()))
            {
                section = new Section(sections.Count + 1, block.Trim(), blockStart, blockEnd);
                sections.Add(section);
                inSection = 0;
            }
            else
            {
                var markers = MarkerPattern().Matches(block).Select(m => new Marker(m.Groups[1].Value, blockStart + m.Index,
                    blockStart + m.Groups[1].Index + m.Groups[1].Length, blockStart + m.Index + m.Length)).ToList();
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, ++inSection, section, blockStart, blockEnd, markers));
            }
            blockStart = -1;
        }

        while (position <= text.Length && !ended)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text[position..lineEnd].TrimEnd('\r');
            if (endsBefore is not null && line.Trim() == endsBefore.Trim() && line.Trim().Length > 0)
            {
                Close();
                WorkEnd = position;
                ended = true;
                break;
            }
            if (line.Trim().Length == 0)
            {
                Close();
                blankRun++;
            }
            else
            {
                if (blankRun >= 2 && blockStart < 0 && paragraphs.Count > 0 && !declared.Contains(line.Trim()))
                {
                    section = new Section(sections.Count + 1, null, position, position);
                    sections.Add(section);
                    inSection = 0;
                }
                blankRun = 0;
                if (blockStart < 0) blockStart = position;
                blockEnd = position + line.Length;
            }
            position = lineEnd + 1;
        }
        Close();
        Sections = sections;
        Paragraphs = paragraphs;
    }

    /// <summary>The paragraph holding UTF-16 index <paramref name="index"/>, or null (a heading, a gap, the furniture).</summary>
    public Paragraph? ParagraphAt(int index)
    {
        foreach (var paragraph in Paragraphs)
        {
            if (index < paragraph.Start) return null;
            if (index < paragraph.End) return paragraph;
        }
        return null;
    }

    /// <summary>The paragraph holding the code point at <paramref name="codePoint"/> (an anchor's start), or null.</summary>
    public Paragraph? ParagraphAtCodePoint(int codePoint) =>
        SourceAnchor.Utf16Index(Text, codePoint) is >= 0 and var index ? ParagraphAt(index) : null;

    /// <summary>The markers that stand after the end of words (UTF-16 index) in the same paragraph.</summary>
    public IEnumerable<Marker> MarkersAfter(Paragraph paragraph, int end) => paragraph.Markers.Where(m => m.Start >= end);

    /// <summary>The paragraph's <see cref="TextPlace.Locator"/>, as the reader labels it and citations count it.</summary>
    public static string Describe(Paragraph paragraph) => TextPlace.Of(paragraph).Locator;
}
