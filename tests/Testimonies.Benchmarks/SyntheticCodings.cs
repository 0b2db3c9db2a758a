namespace Testimonies.Benchmarks;

/// <summary>
/// Synthetic coders' codings of synthetic statements, for benchmarks (agreement, exports): coders keyed
/// "synthetic-coder-1", "synthetic-coder-2"…, never real coders and never of the real statements in data/.
/// The first coder gives each statement zero to two reasons; every other coder mostly agrees with it, and otherwise
/// drops one of its reasons or adds another, so that the figures are high but not perfect.
/// </summary>
public static class SyntheticCodings
{
    public static string CoderKey(int coder) => $"synthetic-coder-{coder + 1}";

    public static string CoderLabel(int coder) => $"Synthetic coder {coder + 1}";

    /// <summary>
    /// Each coder's reasons for each statement: result[coder][statement] lists reason numbers in [0, reasons); an empty list
    /// is a coding saying that no reason applies.
    /// </summary>
    /// <param name="agreement">The chance that a coder after the first gives exactly the first coder's reasons.</param>
    public static int[][][] Generate(int statements, int coders = 3, int reasons = 11, double agreement = 0.9, int seed = 20261201)
    {
        var random = new Random(seed);
        var result = new int[coders][][];
        for (var c = 0; c < coders; c++) result[c] = new int[statements][];
        for (var s = 0; s < statements; s++)
        {
            var count = random.Next(0, 3);
            var first = new List<int>(2);
            while (first.Count < count)
            {
                var reason = random.Next(reasons);
                if (!first.Contains(reason)) first.Add(reason);
            }
            result[0][s] = [.. first];
            for (var c = 1; c < coders; c++)
            {
                var mine = new List<int>(first);
                if (random.NextDouble() >= agreement)
                {
                    if (mine.Count > 0 && random.NextDouble() < 0.5) mine.RemoveAt(random.Next(mine.Count));
                    else
                    {
                        var reason = random.Next(reasons);
                        if (!mine.Contains(reason)) mine.Add(reason);
                    }
                }
                result[c][s] = [.. mine];
            }
        }
        return result;
    }
}
