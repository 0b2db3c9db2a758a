namespace Testimonies.Web.Search;

/// <summary>
/// Which terms of the stemmed index have their matches kept with the catalog (<see cref="IFullTextEngine.FrequentWordsAsync"/>),
/// the same on both engines: a never-seen search for one of them then reads no list of most of the archive.
/// </summary>
public static class FrequentTerms
{
    /// <summary>Terms in at least this share of the published statements…</summary>
    public const double Share = 0.05;

    /// <summary>
    /// …and in at least this many (below it either engine reads a term's list in a few milliseconds; tests choose fewer)…
    /// </summary>
    public const int AtLeast = 5000;

    /// <summary>…the most frequent first, at most this many (each one bit a published statement).</summary>
    public const int AtMost = 64;

    /// <summary>The fewest statements a kept term is in, for an archive of <paramref name="published"/> statements.</summary>
    public static int Least(int published, int atLeast) => Math.Max(atLeast, (int)(published * Share));
}
