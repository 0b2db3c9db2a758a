namespace Testimonies.Web.Search;

/// <summary>One thing to look for: a word, a word's start, or a phrase; each engine writes it in its own syntax.</summary>
public sealed record SearchTerm(TermKind Kind, IReadOnlyList<string> Words)
{
    /// <summary>The term as a person would type it.</summary>
    public override string ToString() => Kind switch
    {
        TermKind.Prefix => Words[0] + "*",
        TermKind.Phrase => $"\"{string.Join(' ', Words)}\"",
        _ => Words[0],
    };
}
