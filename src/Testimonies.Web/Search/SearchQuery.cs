using System.Globalization;
using System.Text;

namespace Testimonies.Web.Search;

/// <summary>
/// A search as people type it, understood: words must all match; "exact phrases"; prefix*; OR between two
/// terms; -exclusion. It holds what was asked for (clauses, exclusions, notes), never an engine's syntax:
/// each full-text engine writes its own expressions from it (<see cref="MatchExpressions"/>), re-quoting
/// every word, and anything that cannot be understood is dropped with a note saying so.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 500;
    public const int MaxTerms = 16;

    /// <summary>Clauses that must all match; each holds one term, or several joined by OR.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Clauses { get; }
    public IReadOnlyList<SearchTerm> Exclusions { get; }

    /// <summary>What could not be understood, and what was searched instead.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The query as it was understood, in the same language.</summary>
    public string Text { get; }

    public bool IsEmpty => Clauses.Count == 0 && Exclusions.Count == 0;

    /// <summary>Whether anything is to be found (not only excluded): such a search can be ranked and marked.</summary>
    public bool HasTerms => Clauses.Count > 0;

    private SearchQuery(List<List<SearchTerm>> clauses, List<SearchTerm> exclusions, List<string> notes)
    {
        Clauses = clauses;
        Exclusions = exclusions;
        Notes = notes;

        var parts = clauses.Select(c => string.Join(" OR ", c)).Concat(exclusions.Select(e => "-" + e));
        Text = string.Join(' ', parts);
    }

    public static SearchQuery Parse(string? input)
    {
        var notes = new List<string>();
        var text = input ?? "";
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            notes.Add($"The search was longer than {MaxLength} characters; only the first {MaxLength} were used.");
        }

        var clauses = new List<List<SearchTerm>>();
        var exclusions = new List<SearchTerm>();
        var pendingOr = false;
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        var position = 0;

        void Add(SearchTerm term, bool excluded)
        {
            if (clauses.Sum(c => c.Count) + exclusions.Count >= MaxTerms)
            {
                if (!notes.Any(n => n.StartsWith("Only the first", StringComparison.Ordinal)))
                    notes.Add($"Only the first {MaxTerms} terms were searched.");
                return;
            }
            if (excluded)
            {
                if (pendingOr) notes.Add("OR cannot join an excluded term; it was ignored.");
                pendingOr = false;
                exclusions.Add(term);
            }
            else if (pendingOr && clauses.Count > 0)
            {
                clauses[^1].Add(term);
                pendingOr = false;
            }
            else
            {
                if (pendingOr) notes.Add("OR needs a term on each side; it was ignored.");
                pendingOr = false;
                clauses.Add([term]);
            }
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { position++; continue; }

            var excluded = false;
            if (c == '-' && position + 1 < text.Length && !char.IsWhiteSpace(text[position + 1]))
            {
                excluded = true;
                position++;
                c = text[position];
            }

            if (c is '"' or '“' or '”')
            {
                var end = text.IndexOfAny(['"', '“', '”'], position + 1);
                if (end < 0)
                {
                    notes.Add("A quotation mark was not closed; the rest of the search was read as one phrase.");
                    end = text.Length;
                }
                var words = Words(text[(position + 1)..end], ignored);
                position = end + 1;
                if (words.Count == 0) continue;
                Add(words.Count == 1 ? new SearchTerm(TermKind.Word, words) : new SearchTerm(TermKind.Phrase, words), excluded);
                continue;
            }

            var chunkEnd = position;
            while (chunkEnd < text.Length && !char.IsWhiteSpace(text[chunkEnd]) && text[chunkEnd] is not ('"' or '“' or '”')) chunkEnd++;
            var chunk = text[position..chunkEnd];
            position = chunkEnd;

            if (chunk == "OR" && !excluded)
            {
                if (clauses.Count == 0 || pendingOr) notes.Add("OR needs a term on each side; it was ignored.");
                else pendingOr = true;
                continue;
            }
            if (chunk is "AND" && !excluded) continue; // words must all match anyway
            if (chunk.StartsWith("NEAR(", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add("NEAR is not supported; its words were searched on their own.");
                chunk = chunk[5..];
            }
            if (chunk.LastIndexOf(':') is > 0 and var colon)
            {
                notes.Add($"Searching within one field ({chunk[..(colon + 1)]}) is not supported; the words were searched everywhere.");
                chunk = chunk[(colon + 1)..];
            }

            var isPrefix = chunk.EndsWith('*');
            var chunkWords = Words(chunk, ignored);
            if (chunkWords.Count == 0)
            {
                if (chunk.Trim('*', '-').Length == 0 && chunk.Contains('*', StringComparison.Ordinal))
                    notes.Add("A * must follow the start of a word (disillusion*); it was ignored.");
                continue;
            }
            if (isPrefix && chunkWords.Count == 1)
            {
                if (chunkWords[0].Length < 2)
                {
                    notes.Add($"“{chunkWords[0]}*” is too short to search as the start of a word; searched for “{chunkWords[0]}”.");
                    Add(new SearchTerm(TermKind.Word, chunkWords), excluded);
                }
                else
                {
                    Add(new SearchTerm(TermKind.Prefix, chunkWords), excluded);
                }
                continue;
            }
            // "al-Nusrah" or "didn’t" is several words in the index, so search them as a phrase.
            Add(chunkWords.Count == 1 ? new SearchTerm(TermKind.Word, chunkWords) : new SearchTerm(TermKind.Phrase, chunkWords), excluded);
        }

        if (pendingOr) notes.Add("OR needs a term on each side; it was ignored.");
        if (ignored.Count > 0)
            notes.Add($"These characters are not searched and were ignored: {string.Join(' ', ignored)}");
        if (clauses.Count == 0 && exclusions.Count == 0 && text.Any(ch => !char.IsWhiteSpace(ch)))
            notes.Add("Nothing in the search could be looked for; all statements are shown.");

        var query = new SearchQuery(clauses, exclusions, notes);
        if (notes.Count > 0 && !query.IsEmpty)
            notes.Add($"Searched for: {query.Text}");
        return query;
    }

    /// <summary>The same search without the clauses <paramref name="drop"/> picks (an engine that has their matches already).</summary>
    public SearchQuery Without(Func<IReadOnlyList<SearchTerm>, bool> drop) =>
        new([.. Clauses.Where(c => !drop(c)).Select(c => c.ToList())], [.. Exclusions], [.. Notes]);

    /// <summary>Letters and digits make words (as the index's tokenizer sees them); everything else separates them.</summary>
    private static List<string> Words(string text, SortedSet<string> ignored)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var category = CharUnicodeInfo.GetUnicodeCategory(element, 0);
            var isWordPart = char.IsLetterOrDigit(element, 0)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isWordPart)
            {
                current.Append(element);
                continue;
            }
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
            if (element is not ("*" or "-" or "'" or "’" or "." or "," or ";" or "(" or ")" or ":") && !char.IsWhiteSpace(element, 0))
                ignored.Add(char.IsControl(element, 0) ? $"U+{(int)element[0]:X4}" : element);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
