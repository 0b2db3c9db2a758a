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
    /// Takes from the catalog the statements of every clause that is one word whose term (<paramref name="termOf"/>: the word as the
    /// stemmed index holds it, or null) is a frequent one (<see cref="SearchCatalog.Snapshot.FrequentWords"/>), and returns the query
    /// without those clauses, for the index to match the rest.
    /// </summary>
    public SearchQuery RequireFrequent(SearchQuery query, Func<string, string?> termOf)
    {
        var found = new HashSet<IReadOnlyList<SearchTerm>>();
        foreach (var clause in query.Clauses)
        {
            if (clause is not [{ Kind: TermKind.Word } term] || termOf(term.Words[0]) is not { } stem
                || !snapshot.FrequentWords.TryGetValue(stem, out var statements)) continue;
            Require(statements);
            found.Add(clause);
        }
        return found.Count > 0 ? query.Without(found.Contains) : query;
    }

    /// <summary>The words alone in their clause, when the catalog keeps frequent words: those whose term is worth looking up.</summary>
    public string[] WordsThatMayBeFrequent(SearchQuery query) => snapshot.FrequentWords.Count == 0 ? []
        : [.. query.Clauses.Where(c => c is [{ Kind: TermKind.Word }]).Select(c => c[0].Words[0]).Distinct(StringComparer.Ordinal)];

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
