using System.Numerics;

namespace Testimonies.Web.Search;

/// <summary>
/// What a full-text engine found for a search's words, collected as <see cref="StatementBits"/> over the catalog: the engine
/// hands over lists of statement ids (comma-separated, as the database aggregated them, in UTF-8 or UTF-16) that must match,
/// each narrowing the set, and lists that must not. Nothing required means every statement. Ids the catalog does not hold
/// (not published in its version) are passed over.
/// </summary>
public sealed class MatchedIds(SearchCatalog.Snapshot snapshot)
{
    /// <summary>The catalog the ids are collected over.</summary>
    public SearchCatalog.Snapshot Snapshot => snapshot;

    private StatementBits? _required;
    private StatementBits? _excluded;

    /// <summary>Ids as the database wrote them: UTF-8 bytes (SQLite) or characters (PostgreSQL).</summary>
    public void Require<T>(ReadOnlySpan<T> ids) where T : IBinaryInteger<T> => Narrow(Parse(ids));

    /// <summary>Statements already known to match (a frequent word's, kept with the catalog): left as they are.</summary>
    public void Require(StatementBits known) => Narrow(known.Copy());

    /// <summary>A query that must match and matched nothing: the set is empty.</summary>
    public void RequireNone() => Narrow(new StatementBits(snapshot.Count));

    /// <summary>
    /// When the catalog keeps frequent words, the words alone in their clause whose term the engine has not yet told it
    /// (<see cref="RememberTerm"/>): those it must look up before <see cref="RequireFrequent"/>.
    /// </summary>
    public string[] WordsToLookUp(SearchQuery query) => snapshot.FrequentWords.Count == 0 ? []
        : [.. WordsAlone(query).Where(word => !snapshot.TermOfWord.ContainsKey(word)).Distinct(StringComparer.Ordinal)];

    /// <summary>The term the stemmed index holds for a word (null: none, or more than one), kept with the catalog.</summary>
    public void RememberTerm(string word, string? term)
    {
        if (snapshot.TermOfWord.Count >= SearchCatalog.MaxRememberedTerms) snapshot.TermOfWord.Clear();
        snapshot.TermOfWord[word] = term;
    }

    /// <summary>
    /// Takes from the catalog the statements of every clause that is one word whose term is a frequent one
    /// (<see cref="SearchCatalog.Snapshot.FrequentWords"/>), and returns the query without those clauses, for the index to match
    /// the rest.
    /// </summary>
    public SearchQuery RequireFrequent(SearchQuery query)
    {
        if (snapshot.FrequentWords.Count == 0) return query;
        var found = new HashSet<IReadOnlyList<SearchTerm>>();
        foreach (var clause in query.Clauses)
        {
            if (clause is not [{ Kind: TermKind.Word } term] || !snapshot.TermOfWord.TryGetValue(term.Words[0], out var stem)
                || stem is null || !snapshot.FrequentWords.TryGetValue(stem, out var statements)) continue;
            Require(statements);
            found.Add(clause);
        }
        return found.Count > 0 ? query.Without(found.Contains) : query;
    }

    private static IEnumerable<string> WordsAlone(SearchQuery query) =>
        query.Clauses.Where(c => c is [{ Kind: TermKind.Word }]).Select(c => c[0].Words[0]);

    public void Exclude<T>(ReadOnlySpan<T> ids) where T : IBinaryInteger<T> => Widen(Parse(ids));

    /// <summary>The statements that matched every required list and none of the excluded ones.</summary>
    public StatementBits Result()
    {
        var result = _required ?? StatementBits.All(snapshot.Count);
        if (_excluded is not null) result.ExceptWith(_excluded);
        return result;
    }

    private void Narrow(StatementBits bits)
    {
        if (_required is null) _required = bits;
        else _required.IntersectWith(bits);
    }

    private void Widen(StatementBits bits)
    {
        if (_excluded is null) _excluded = bits;
        else _excluded.UnionWith(bits);
    }

    // Digits and commas only (the database wrote them); one pass, no strings.
    private StatementBits Parse<T>(ReadOnlySpan<T> ids) where T : IBinaryInteger<T>
    {
        var bits = new StatementBits(snapshot.Count);
        var id = 0;
        foreach (var unit in ids)
        {
            var c = int.CreateTruncating(unit);
            if (c == ',') { Mark(bits, id); id = 0; }
            else id = id * 10 + (c - '0');
        }
        if (ids.Length > 0) Mark(bits, id);
        return bits;
    }

    private void Mark(StatementBits bits, int id)
    {
        if (id < snapshot.IndexOfId.Length && snapshot.IndexOfId[id] is >= 0 and var at) bits.Add(at);
    }
}
