namespace Testimonies.Web.Search;

/// <summary>
/// Every published statement's values of one facet, in the search catalog's order, as small arrays: one value
/// a statement (kind, source, nationality), several (reasons), or a bit a value (themes, at most 8).
/// Filtering and counting then cost microseconds a thousand statements.
/// </summary>
public sealed class FacetColumn
{
    private readonly short[]? _one;
    private readonly short[][]? _many;
    private readonly byte[]? _bits;

    private FacetColumn(string[] values, string[] labels, short[]? one, short[][]? many, byte[]? bits)
    {
        Values = values;
        Labels = labels;
        (_one, _many, _bits) = (one, many, bits);
    }

    /// <summary>The values as URLs and data spell them; <see cref="Labels"/> holds what readers see, in the same order.</summary>
    public IReadOnlyList<string> Values { get; }
    public IReadOnlyList<string> Labels { get; }

    public static FacetColumn OneValue(string[] values, string[] labels, short[] valueOf) => new(values, labels, valueOf, null, null);

    public static FacetColumn ManyValues(string[] values, string[] labels, short[][] valuesOf) => new(values, labels, null, valuesOf, null);

    public static FacetColumn Bits(string[] values, string[] labels, byte[] bitsOf) =>
        values.Length <= 8
            ? new(values, labels, null, null, bitsOf)
            : throw new ArgumentException("At most 8 values fit in a byte.", nameof(values));

    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Count; i++) if (Values[i] == value) return i;
        return -1;
    }

    /// <summary>The indices of statement <paramref name="statement"/>'s values.</summary>
    public ReadOnlySpan<short> ValuesOf(int statement) =>
        _many is not null
            ? _many[statement]
            : throw new InvalidOperationException("Only a column of several values a statement lists them.");

    /// <summary>
    /// Whether the statement has any of the values marked in <paramref name="selected"/> (indexed as <see cref="Values"/>).
    /// </summary>
    public bool HasAny(int statement, bool[] selected)
    {
        if (_one is not null) return selected[_one[statement]];
        if (_bits is not null)
        {
            for (var bits = _bits[statement]; bits != 0; bits &= (byte)(bits - 1))
                if (selected[System.Numerics.BitOperations.TrailingZeroCount(bits)]) return true;
            return false;
        }
        foreach (var value in _many![statement]) if (selected[value]) return true;
        return false;
    }

    /// <summary>Adds the statement's values to <paramref name="counts"/> (indexed as <see cref="Values"/>).</summary>
    public void Count(int statement, int[] counts)
    {
        if (_one is not null) { counts[_one[statement]]++; return; }
        if (_bits is not null)
        {
            for (var bits = _bits[statement]; bits != 0; bits &= (byte)(bits - 1))
                counts[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
            return;
        }
        foreach (var value in _many![statement]) counts[value]++;
    }
}
