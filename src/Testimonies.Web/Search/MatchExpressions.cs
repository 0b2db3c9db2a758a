namespace Testimonies.Web.Search;

/// <summary>
/// A query written in one engine's syntax: what the stemmed index must match (clauses holding a plain word),
/// what the as-written index must match (clauses of phrases and prefixes only), what each must not match,
/// and every term OR-ed, for ranking and marking (all terms in the stemmed index; phrases and prefixes in
/// the as-written one). The engines differ only in how a term, AND and OR are written.
/// </summary>
public sealed record MatchExpressions(
    string? Stemmed, string? Exact, string? StemmedExcluded, string? ExactExcluded, string? AnyTermStemmed, string? AnyTermExact)
{
    /// <summary>How an engine writes a word, a word's start, a phrase, and the operators between them.</summary>
    public sealed record Syntax(Func<string, string> Word, Func<string, string> Prefix, Func<IReadOnlyList<string>, string> Phrase,
        string And, string Or);

    public static MatchExpressions Write(SearchQuery query, Syntax syntax)
    {
        string term(SearchTerm t) => t.Kind switch
        {
            TermKind.Prefix => syntax.Prefix(t.Words[0]),
            TermKind.Phrase => syntax.Phrase(t.Words),
            _ => syntax.Word(t.Words[0]),
        };
        var (and, or) = (syntax.And, syntax.Or);
        static bool AsWritten(IReadOnlyList<SearchTerm> clause) => clause.All(t => t.Kind != TermKind.Word);
        string Clause(IReadOnlyList<SearchTerm> clause) =>
            clause.Count == 1 ? term(clause[0]) : "(" + string.Join(or, clause.Select(term)) + ")";
        static string? Join(IEnumerable<string> items, string separator) =>
            items.ToList() is { Count: > 0 } list ? string.Join(separator, list) : null;

        var positive = query.Clauses.SelectMany(c => c).ToList();
        return new MatchExpressions(
            Join(query.Clauses.Where(c => !AsWritten(c)).Select(Clause), and),
            Join(query.Clauses.Where(AsWritten).Select(Clause), and),
            Join(query.Exclusions.Where(t => t.Kind == TermKind.Word).Select(term), or),
            Join(query.Exclusions.Where(t => t.Kind != TermKind.Word).Select(term), or),
            Join(positive.Select(term), or),
            Join(positive.Where(t => t.Kind != TermKind.Word).Select(term), or));
    }
}
