namespace Testimonies.Web.Importing;

/// <summary>Finds the known name nearest to a mistyped one, for "did you mean" hints.</summary>
public static class Suggest
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = typed.ToLowerInvariant();
        foreach (var candidate in known)
        {
            var candidateLowered = candidate.ToLowerInvariant();
            // A shortened word ("quote" for "quotation") shares its start with the right name.
            var shared = lowered.Zip(candidateLowered).TakeWhile(pair => pair.First == pair.Second).Count();
            if (shared >= 4 && shared * 2 >= lowered.Length) return candidate;
            var distance = Distance(lowered, candidateLowered);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A suggestion further away than about a third of the word is noise, not help.
        return best is not null && bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
