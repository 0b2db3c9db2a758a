using System.Numerics;

namespace Testimonies.Web.Search;

/// <summary>
/// A set of published statements as one bit each, by their index in the search catalog (so in source order): what a search's
/// words matched. Intersections and differences go 64 statements at a time, and the members come out in order.
/// </summary>
public sealed class StatementBits
{
    private readonly ulong[] _words;

    public StatementBits(int count)
    {
        Count = count;
        _words = new ulong[(count + 63) / 64];
    }

    /// <summary>How many statements the set is over (the catalog's), not how many are in it.</summary>
    public int Count { get; }

    /// <summary>Every statement of a catalog of <paramref name="count"/>.</summary>
    public static StatementBits All(int count)
    {
        var all = new StatementBits(count);
        Array.Fill(all._words, ulong.MaxValue);
        if (count % 64 != 0) all._words[^1] = (1UL << count) - 1;
        return all;
    }

    public StatementBits Copy()
    {
        var copy = new StatementBits(Count);
        _words.CopyTo(copy._words, 0);
        return copy;
    }

    public void Add(int index) => _words[index >> 6] |= 1UL << index;

    public void Remove(int index) => _words[index >> 6] &= ~(1UL << index);

    /// <summary>How many statements are in the set.</summary>
    public int Size()
    {
        var size = 0;
        foreach (var word in _words) size += BitOperations.PopCount(word);
        return size;
    }

    public void IntersectWith(StatementBits other)
    {
        for (var w = 0; w < _words.Length; w++) _words[w] &= other._words[w];
    }

    public void UnionWith(StatementBits other)
    {
        for (var w = 0; w < _words.Length; w++) _words[w] |= other._words[w];
    }

    public void ExceptWith(StatementBits other)
    {
        for (var w = 0; w < _words.Length; w++) _words[w] &= ~other._words[w];
    }

    /// <summary>The members, lowest index first. Removing the member just given back, while enumerating, is safe.</summary>
    public IEnumerable<int> Members()
    {
        for (var w = 0; w < _words.Length; w++)
            for (var bits = _words[w]; bits != 0; bits &= bits - 1)
                yield return (w << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>The statements of the catalog that are not in the set, lowest index first.</summary>
    public IEnumerable<int> NonMembers()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var bits = ~_words[w];
            if (w == _words.Length - 1 && Count % 64 != 0) bits &= (1UL << Count) - 1;
            for (; bits != 0; bits &= bits - 1)
                yield return (w << 6) + BitOperations.TrailingZeroCount(bits);
        }
    }
}
