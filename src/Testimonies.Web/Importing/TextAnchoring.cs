using System.Globalization;
using System.Text.RegularExpressions;

namespace Testimonies.Web.Importing;

/// <summary>
/// Checks an import against the sources' texts (docs/data-format.md, "Source texts"): a text given with the tables becomes
/// the source's next version when it differs from the stored one; every statement of a source with a text is anchored
/// where its words stand (once, or told apart by text_start or text_prefix), and refused with the closest passage when its
/// words are not there; stored statements are anchored again in a changed text; a footnote must follow the words in their
/// paragraph; a speaker's description and a statement's provenance words must be the source's own. Adds problems; writes
/// nothing.
/// </summary>
public static partial class TextAnchoring
{
    /// <summary>A text to store as a source's next version.</summary>
    public sealed record NewText(string SourceKey, int Version, string Text, PartialDate? TakenOn, string? Headings, string? EndsBefore,
        string? CorrectionNote);

    /// <summary>Where a statement's words stand: in which version of its source's text, the anchor, and the section found there.</summary>
    public sealed record Placed(int TextVersion, SourceAnchor Anchor, string? Section);

    public sealed record Result(IReadOnlyList<NewText> Texts, IReadOnlyDictionary<string, Placed> Statements,
        IReadOnlyDictionary<string, Placed> Reanchored)
    {
        public static readonly Result Empty = new([], new Dictionary<string, Placed>(), new Dictionary<string, Placed>());

        /// <summary>Where the statement of this id stands, when its source has a text.</summary>
        public Placed? Of(string publicId) => Statements.GetValueOrDefault(publicId);
    }

    private sealed record Known(int Version, TextLayout Layout, bool IsNew, RawRecord? At);

    public static async Task CheckAsync(ArchiveDbContext db, ImportSet set, ImportProblems problems, CancellationToken cancellationToken)
    {
        var keys = set.Sources.Select(s => s.Key).Concat(set.Statements.Select(s => s.SourceKey)).Distinct().ToList();
        var stored = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            // The latest version only: earlier ones, each a whole text, are not read.
            foreach (var latest in await db.LatestSourceTexts.AsNoTracking().Where(t => chunk.Contains(t.Source.Key))
                         .Select(t => new { t.Source.Key, Text = t }).ToListAsync(cancellationToken))
                stored[latest.Key] = latest.Text;
        }

        var texts = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var (key, text) in stored)
            texts[key] = new(text.Version, new TextLayout(text.Text, text.Headings, text.EndsBefore), false, null);
        var newTexts = new List<NewText>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in set.Sources.Where(r => r.TextFile is not null))
        {
            var name = set.TextFiles.ContainsKey(row.TextFile!) ? row.TextFile!
                : set.TextFiles.Keys.FirstOrDefault(n => Path.GetFileName(n) == Path.GetFileName(row.TextFile!));
            if (name is null)
            {
                problems.Add(new(row.At.File, row.At.Line, "text_file",
                    $"no file named “{row.TextFile}” was given with the tables; give the source's text file with them."));
                continue;
            }
            used.Add(name);
            var text = set.TextFiles[name];
            var headings = row.TextHeadings is null ? null : string.Join('\n', TextLayout.HeadingLines(row.TextHeadings));
            if (!CheckLines(row, text, headings, problems)) continue;
            var previous = stored.GetValueOrDefault(row.Key);
            if (previous is not null && previous.Sha256 == SourceText.HashOf(text) && previous.Headings == headings
                && previous.EndsBefore == row.TextEndsBefore)
                continue; // the stored version already
            if (previous is not null && row.TextCorrectionNote is null)
            {
                problems.Add(new(row.At.File, row.At.Line, "text_correction_note",
                    $"this changes the text of {row.Key}, which the archive holds as version {previous.Version}; say why in " +
                    "text_correction_note (readers see it with the text), or give the text as it is."));
                continue;
            }
            var version = (previous?.Version ?? 0) + 1;
            newTexts.Add(new(row.Key, version, text, row.TextTaken, headings, row.TextEndsBefore,
                previous is null ? null : row.TextCorrectionNote));
            texts[row.Key] = new(version, new TextLayout(text, headings, row.TextEndsBefore), true, row.At);
        }
        foreach (var name in set.TextFiles.Keys.Where(n => !used.Contains(n)))
            problems.Add(new(name, null, null, "no source names this file in its text_file column; name it there, or leave the file out."));

        var placed = new Dictionary<string, Placed>(StringComparer.Ordinal);
        for (var i = 0; i < set.Statements.Count; i++)
        {
            var row = set.Statements[i];
            if (!texts.TryGetValue(row.SourceKey, out var known)) continue;
            if (Anchor(row, known, problems) is not { } anchor) continue;
            var layout = known.Layout;
            var paragraph = layout.ParagraphAt(SourceAnchor.Utf16Index(layout.Text, anchor.Start))!;
            var heading = paragraph.Section.Heading;
            var at = TextLayout.Describe(paragraph);
            if (row.Section is not null && row.Section != heading)
            {
                problems.Add(new(row.At.File, row.At.Line, "section", heading is null
                    ? $"the words stand in a part of the text with no heading ({at}), not under “{row.Section}”; " +
                      "leave the cell empty."
                    : $"the words stand under “{heading}” in the text ({at}), not under “{row.Section}”."));
                continue;
            }
            var end = SourceAnchor.Utf16Index(layout.Text, anchor.End);
            if (row.Footnote is not null && !layout.MarkersAfter(paragraph, end).Any(m => m.Number == row.Footnote))
            {
                var after = layout.MarkersAfter(paragraph, end).Select(m => m.Number).ToList();
                problems.Add(new(row.At.File, row.At.Line, "footnote",
                    $"no footnote marker {row.Footnote} follows the words in their paragraph ({TextLayout.Describe(paragraph)})" +
                    (after.Count == 0 ? "; leave the cell empty." : $"; the markers after them there: {string.Join(", ", after)}.")));
                continue;
            }
            if (row.ProvenanceWords is not null && !layout.Text.Contains(row.ProvenanceWords, StringComparison.Ordinal))
            {
                problems.Add(new(row.At.File, row.At.Line, "provenance_words",
                    $"“{row.ProvenanceWords}” is not in the text of {row.SourceKey}; copy the source's words exactly."));
                continue;
            }
            placed[row.PublicId] = new(known.Version, anchor, heading);
            if (row.Section is null && heading is not null) set.Statements[i] = row with { Section = heading };
        }

        var reanchored = await ReanchorStoredAsync(db, set, texts, problems, cancellationToken);
        await CheckSpeakersAsync(db, set, texts, problems, cancellationToken);
        set.Anchoring = new Result(newTexts, placed, reanchored);
    }

    /// <summary>Headings and the end line must be whole lines of the text.</summary>
    private static bool CheckLines(SourceRow row, string text, string? headings, ImportProblems problems)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = TextLayout.HeadingLines(headings).Where(h => !lines.Contains(h)).ToList();
        if (missing.Count > 0)
            problems.Add(new(row.At.File, row.At.Line, "text_headings",
                $"“{missing[0]}” is not a whole line of the text; list each heading exactly as its line reads."));
        if (row.TextEndsBefore is { } end && !lines.Contains(end.Trim()))
            problems.Add(new(row.At.File, row.At.Line, "text_ends_before", $"“{end}” is not a whole line of the text."));
        return missing.Count == 0 && (row.TextEndsBefore is null || lines.Contains(row.TextEndsBefore.Trim()));
    }

    /// <summary>The anchor of the row's words in the text, or null with a problem added.</summary>
    private static SourceAnchor? Anchor(StatementRow row, Known known, ImportProblems problems)
    {
        var layout = known.Layout;
        var text = layout.Text;
        var all = SourceAnchor.Occurrences(text, row.Text).Where(i => i + row.Text.Length <= layout.WorkEnd).ToList();
        var where = $"the text of {row.SourceKey} (version {known.Version})";
        if (all.Count == 0)
        {
            // Past the problems a page lists, the closest passage would be worked out for nobody to read.
            var hint = problems.Total < ImportProblems.MaxListed ? " " + Closest(layout, row.Text) : "";
            problems.Add(new(row.At.File, row.At.Line, "text", $"these words are not in {where}.{hint}"));
            return null;
        }
        var candidates = all;
        if (row.TextStart is { } start)
        {
            candidates = all.Where(i => SourceAnchor.CodePoints(text, i) == start).ToList();
            if (candidates.Count == 0)
            {
                problems.Add(new(row.At.File, row.At.Line, "text_start",
                    $"the words do not begin at {start} in {where}; they begin at " +
                    string.Join(", ", all.Take(10).Select(i => SourceAnchor.CodePoints(text, i).ToString(CultureInfo.InvariantCulture)))
                    + "."));
                return null;
            }
        }
        if (row.TextPrefix is { } prefix)
        {
            // Spans, not substrings: each candidate would otherwise copy the text before it.
            candidates = candidates.Where(i => text.AsSpan(0, i).TrimEnd().EndsWith(prefix.AsSpan().TrimEnd(), StringComparison.Ordinal))
                .ToList();
            if (candidates.Count == 0)
            {
                problems.Add(new(row.At.File, row.At.Line, "text_prefix",
                    $"the words never follow “{prefix}” in {where}; copy the words right before them exactly."));
                return null;
            }
        }
        if (candidates.Count > 1)
        {
            problems.Add(new(row.At.File, row.At.Line, "text", $"these words occur {candidates.Count} times in {where}, at " +
                string.Join(", ", candidates.Take(10).Select(i =>
                    $"{SourceAnchor.CodePoints(text, i)} " +
                    $"({(layout.ParagraphAt(i) is { } p ? TextLayout.Describe(p) : "outside the paragraphs")})")) +
                "; say which in text_start (the code point where they begin) or text_prefix (the words right before)."));
            return null;
        }
        return SourceAnchor.At(text, candidates[0], row.Text.Length);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Each text's words and where each word stands, made once per text however many statements miss it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TextLayout, Words> WordsOf = new();

    private sealed record Words(List<Match> Tokens, Dictionary<string, List<int>> At);

    private static Words IndexWords(TextLayout layout)
    {
        var tokens = WordPattern().Matches(layout.Text[..layout.WorkEnd]).ToList();
        var at = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = tokens[i].Value.ToLowerInvariant();
            if (!at.TryGetValue(key, out var list)) at[key] = list = [];
            list.Add(i);
        }
        return new Words(tokens, at);
    }

    /// <summary>"The closest passage, in Fighting injustice, para. 3, reads: “…”." — or that nothing comes close.</summary>
    internal static string Closest(TextLayout layout, string words)
    {
        var text = layout.Text;
        var (tokens, at) = WordsOf.GetValue(layout, IndexWords);
        var wanted = WordPattern().Matches(words).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (wanted.Count == 0 || tokens.Count == 0) return "No passage of the text comes close.";
        // Each word of the statement votes for where the passage would begin if that word stood in its place.
        var votes = new Dictionary<int, int>();
        for (var j = 0; j < wanted.Count; j++)
            foreach (var i in at.GetValueOrDefault(wanted[j]) ?? [])
                votes[i - j] = votes.GetValueOrDefault(i - j) + 1;
        if (votes.Count == 0) return "No passage of the text comes close.";
        var best = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First();
        if (best.Value * 3 < wanted.Count) return "No passage of the text comes close.";
        // From where the most words agree, as far as the last of the statement's words within a little more than its length.
        var from = Math.Clamp(best.Key, 0, tokens.Count - 1);
        var asked = wanted.ToHashSet(StringComparer.Ordinal);
        var to = from;
        for (var i = from; i < Math.Min(tokens.Count, from + wanted.Count * 3 / 2 + 2); i++)
            if (asked.Contains(tokens[i].Value.ToLowerInvariant())) to = i;
        var first = tokens[from];
        var last = tokens[to];
        var passage = text[first.Index..(last.Index + last.Length)];
        if (passage.Length > 400) passage = passage[..400] + "…";
        var place = layout.ParagraphAt(first.Index) is { } paragraph ? $", in {TextLayout.Describe(paragraph)}," : "";
        return $"The closest passage{place} reads: “{passage}”. Copy the words from the text exactly.";
    }

    /// <summary>Stored statements of a source whose text changes, not in the set: anchored again, or listed.</summary>
    private static async Task<Dictionary<string, Placed>> ReanchorStoredAsync(ArchiveDbContext db, ImportSet set,
        Dictionary<string, Known> texts, ImportProblems problems, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Placed>(StringComparer.Ordinal);
        var inSet = set.Statements.Select(s => s.PublicId).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, known) in texts.Where(t => t.Value.IsNew))
        {
            var statements = await db.Statements.AsNoTracking().Where(s => s.Source.Key == key)
                .Select(s => new { s.PublicId, s.Text, s.AnchorPrefix }).ToListAsync(cancellationToken);
            var lost = new List<string>();
            foreach (var statement in statements.Where(s => !inSet.Contains(s.PublicId)))
            {
                var all = SourceAnchor.Occurrences(known.Layout.Text, statement.Text);
                if (all.Count > 1 && statement.AnchorPrefix is { } prefix)
                    all = all.Where(i => known.Layout.Text.AsSpan(0, i).EndsWith(prefix, StringComparison.Ordinal)).ToList();
                if (all.Count != 1)
                {
                    lost.Add($"{statement.PublicId} " +
                        $"({(all.Count == 0 ? "its words are not in it" : $"its words occur {all.Count} times")})");
                    continue;
                }
                var anchor = SourceAnchor.At(known.Layout.Text, all[0], statement.Text.Length);
                result[statement.PublicId] = new(known.Version, anchor, known.Layout.ParagraphAt(all[0])?.Section.Heading);
            }
            if (lost.Count > 0)
                problems.Add(new(known.At!.File, known.At.Line, "text_file",
                    $"{lost.Count} statement{(lost.Count == 1 ? "" : "s")} of {key} in the archive would no longer match the new text: " +
                    $"{string.Join("; ", lost.Take(20))}{(lost.Count > 20 ? "; …" : "")}. " +
                    "Correct them in the same import, or keep the text."));
        }
        return result;
    }

    /// <summary>
    /// A speaker's description is the source's words: it must stand in the text of a source where the speaker's statements do
    /// (its first letter's case aside), when such a source has a text.
    /// </summary>
    private static async Task CheckSpeakersAsync(ArchiveDbContext db, ImportSet set, Dictionary<string, Known> texts,
        ImportProblems problems, CancellationToken cancellationToken)
    {
        if (set.Speakers.Count == 0) return;
        var sourcesOf = set.Statements.GroupBy(s => s.SpeakerKey).ToDictionary(g => g.Key, g => g.Select(s => s.SourceKey).ToHashSet());
        var keys = set.Speakers.Select(s => s.Key).ToList();
        var inSet = set.Statements.Select(s => s.SpeakerKey).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            var storedPairs = await db.Statements.AsNoTracking().Where(s => chunk.Contains(s.Speaker.Key))
                .Select(s => new { Speaker = s.Speaker.Key, Source = s.Source.Key }).Distinct().ToListAsync(cancellationToken);
            foreach (var pair in storedPairs)
            {
                if (inSet.Contains(pair.Speaker)) continue; // the set says where its statements stand
                (sourcesOf.TryGetValue(pair.Speaker, out var list) ? list : sourcesOf[pair.Speaker] = []).Add(pair.Source);
            }
        }
        foreach (var speaker in set.Speakers)
        {
            var withText = (sourcesOf.GetValueOrDefault(speaker.Key) ?? []).Where(texts.ContainsKey).ToList();
            if (withText.Count == 0) continue;
            if (withText.Any(key => ContainsWords(texts[key].Layout, speaker.Description))) continue;
            problems.Add(new(speaker.At.File, speaker.At.Line, "description",
                $"“{speaker.Description}” is not in the text of {string.Join(" or ", withText)}: " +
                "a description is the source's own words. " +
                "Copy them from the text, and put the archive's own wording in the label column."));
        }
    }

    /// <summary>The words in the work's text, ignoring the case of their first letter (a description may open a sentence).</summary>
    internal static bool ContainsWords(TextLayout layout, string words)
    {
        var work = layout.Text[..layout.WorkEnd];
        if (work.Contains(words, StringComparison.Ordinal)) return true;
        if (words.Length == 0) return false;
        var flipped = (char.IsUpper(words[0]) ? char.ToLowerInvariant(words[0]) : char.ToUpperInvariant(words[0])) + words[1..];
        return work.Contains(flipped, StringComparison.Ordinal);
    }
}
