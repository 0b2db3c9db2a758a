namespace Testimonies.Web.Agreement;

/// <summary>
/// Krippendorff's alpha for nominal data with missing values, as "Computing Krippendorff's Alpha-Reliability" (2011) sets it
/// out: from the reliability data (units × coders) to the coincidence matrix, then alpha = 1 − D_o / D_e. For nominal data
/// only the matrix's diagonal (o_cc) and its marginals (n_c) matter, so only those are accumulated:
/// alpha = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²).
/// </summary>
public static class Krippendorff
{
    /// <summary>A coder gave no value for the unit.</summary>
    public const int Missing = -1;

    /// <param name="data">Row-major units × coders: data[unit * coders + coder] is a category in [0, categories) or Missing.</param>
    public static Alpha Nominal(ReadOnlySpan<int> data, int coders, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(coders, 1);
        if (data.Length % coders != 0) throw new ArgumentException("The data are not a whole number of units.", nameof(data));
        var marginals = new long[categories];
        var coderSeen = new bool[coders];
        long values = 0, pairs = 0, agreeingPairs = 0;
        var diagonal = 0.0;
        var pairableUnits = 0;
        for (var start = 0; start < data.Length; start += coders)
        {
            var unit = data.Slice(start, coders);
            var m = 0;
            foreach (var value in unit)
                if (value != Missing) m++;
            if (m < 2) continue;
            pairableUnits++;
            values += m;
            // Agreeing (unordered) pairs in the unit: Σ_c n_uc(n_uc − 1)/2, counted pair by pair (few coders a unit).
            long agreeing = 0;
            for (var i = 0; i < unit.Length; i++)
            {
                var value = unit[i];
                if (value == Missing) continue;
                if ((uint)value >= (uint)categories) throw new ArgumentOutOfRangeException(nameof(data), "A value is not a category.");
                marginals[value]++;
                coderSeen[i] = true;
                for (var j = i + 1; j < unit.Length; j++)
                    if (unit[j] == value) agreeing++;
            }
            agreeingPairs += agreeing;
            pairs += (long)m * (m - 1) / 2;
            // The unit's contribution to the diagonal: Σ_c n_uc(n_uc − 1)/(m_u − 1).
            diagonal += 2.0 * agreeing / (m - 1);
        }
        var coderCount = 0;
        foreach (var seen in coderSeen)
            if (seen) coderCount++;
        double? percent = pairs == 0 ? null : 100.0 * agreeingPairs / pairs;
        if (values == 0) return new(null, AlphaUndefined.NoPairableValues, 0, 0, 0, null);
        double n = values, sumOfSquares = 0;
        foreach (var count in marginals) sumOfSquares += (double)count * count;
        var expected = n * n - sumOfSquares;
        if (expected == 0) return new(null, AlphaUndefined.NoVariation, pairableUnits, coderCount, (int)values, percent);
        var alpha = 1 - (n - 1) * (n - diagonal) / expected;
        return new(alpha, null, pairableUnits, coderCount, (int)values, percent);
    }

    /// <summary>The same, from rows of values (null: missing), categories numbered in order of first appearance.</summary>
    public static Alpha Nominal(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        var coders = units.Count == 0 ? 1 : Math.Max(1, units.Max(u => u.Count));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = new int[units.Count * coders];
        Array.Fill(data, Missing);
        for (var u = 0; u < units.Count; u++)
            for (var c = 0; c < units[u].Count; c++)
                if (units[u][c] is { } value)
                {
                    if (!ids.TryGetValue(value, out var id)) ids[value] = id = ids.Count;
                    data[u * coders + c] = id;
                }
        return Nominal(data, coders, ids.Count);
    }
}
