namespace Testimonies.Web.Search;

public enum TermKind
{
    /// <summary>A word: matched in any form ("fight" finds "fighting"), through the stemmed index.</summary>
    Word,
    /// <summary>The start of a word ("disillusion*"), matched as written.</summary>
    Prefix,
    /// <summary>Words in this order, as written ("killing other Muslims").</summary>
    Phrase,
}
