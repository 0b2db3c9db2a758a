using System.Globalization;
using System.Text;

namespace Testimonies.Benchmarks;

/// <summary>
/// Generates an archive of N synthetic statements in the import format, from a fixed vocabulary of
/// made-up words. It is clearly not testimony: every text starts "Synthetic statement", every speaker
/// and source is labelled synthetic, and none of it is ever written to data/.
/// Word frequencies are controlled so that the benchmark's queries have known selectivity:
/// "commonword" is in about 90% of statements, "rareword" in about 0.01%, the phrase
/// "fixed phrase marker" in about 1%.
/// </summary>
public static class SyntheticArchive
{
    /// <summary>The benchmarks run on SQLite: its full-text index.</summary>
    public static Testimonies.Web.Search.SearchIndex Index(Testimonies.Web.Archive.ArchiveDbContext db) =>
        new(Testimonies.Web.Search.SearchSetup.EngineFor(
            db.IsPostgres ? Testimonies.Web.Archive.DatabaseProvider.Postgres : Testimonies.Web.Archive.DatabaseProvider.Sqlite));

    public const string CommonWord = "commonword";
    public const string RareWord = "rareword";
    public const string Phrase = "fixed phrase marker";

    private static readonly string[] Syllables = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "ve", "da", "gu", "pe", "zo", "fi", "ha",
        "mu"];
    private static readonly string[] Nationalities = ["Testlandic", "Examplian", "Fictonian", "Samplish", "Placeholdian", "Mockese",
        "Dummish", "Stubian"];
    private static readonly string[] Themes = ["fighting-injustice", "islamic-unity", "corruption-and-barbarism", "other"];

    /// <param name="first">Statements are numbered from first + 1 (ids and positions), so that a second set imports as new ones.</param>
    public static Dictionary<string, byte[]> Generate(int statements, int seed = 20261125, int first = 0)
    {
        // A later set gets words of its own (the same seed would repeat the first set's texts, number apart).
        var random = new Random(seed + first);
        var vocabulary = Enumerable.Range(0, 5000).Select(i => Word(i)).ToArray();

        var reasons = new StringBuilder("slug,name,theme,definition,boundary,position\n");
        for (var i = 1; i <= 12; i++)
            reasons.Append(CultureInfo.InvariantCulture,
                $"synthetic-reason-{i},Synthetic reason {i},{Themes[i % Themes.Length]},Synthetic definition {i} for benchmarks.,,{i}\n");

        var sources = new StringBuilder("key,title,subtitle,chapter,chapter_title,series,series_number,publisher,author,published,url,"
            + "language,notes\n");
        for (var i = 1; i <= 20; i++)
            sources.Append(CultureInfo.InvariantCulture,
                $"synthetic-source-{i},Synthetic Source {i},,,,,,Synthetic Publisher,,2020-{(i % 12) + 1:D2},,en,"
                + $"Generated for benchmarks.\n");

        var speakerCount = Math.Max(10, statements / 20);
        var speakers = new StringBuilder("key,name,description,nationality,role,group,notes\n");
        var roles = new[] { "fighter", "foreign-fighter", "defector" };
        for (var i = 1; i <= speakerCount; i++)
            speakers.Append(CultureInfo.InvariantCulture,
                $"synthetic-speaker-{i},,synthetic speaker number {i},{Nationalities[i % Nationalities.Length]},{roles[i % 3]},"
                + $"{(i % 7 == 0 ? "yes" : "no")},\n");

        var rows = new StringBuilder("id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,"
            + "content_note,status\n");
        var positions = new int[21];
        for (var i = 1; i <= statements; i++)
        {
            var source = random.Next(1, 21);
            var position = first + ++positions[source];
            var words = new List<string> { "Synthetic", "statement", (first + i).ToString(CultureInfo.InvariantCulture) };
            var length = random.Next(12, 36);
            for (var w = 0; w < length; w++)
                words.Add(vocabulary[Zipf(random, vocabulary.Length)]);
            if (random.NextDouble() < 0.9) words.Insert(random.Next(3, words.Count), CommonWord);
            if (i % 10_000 == 5000 || statements < 10_000 && i == statements / 2) words.Insert(random.Next(3, words.Count), RareWord);
            if (random.NextDouble() < 0.01) words.Insert(random.Next(3, words.Count), Phrase);
            var reasonCount = random.Next(0, 3);
            var reasonSlugs = Enumerable.Range(0, reasonCount).Select(_ => $"synthetic-reason-{random.Next(1, 13)}").Distinct();
            var context = random.NextDouble() < 0.3 ? "Synthetic context "
                + string.Join(' ', Enumerable.Range(0, 10).Select(_ => vocabulary[Zipf(random, vocabulary.Length)])) : "";
            rows.Append(CultureInfo.InvariantCulture,
                $"synthetic-{first + i},synthetic-source-{source},{position},,{position},"
                    + $"synthetic-speaker-{random.Next(1, speakerCount + 1)},"
                    + $"{(random.NextDouble() < 0.7 ? "quotation" : "paraphrase")},en,{string.Join(' ', words)},,"
                    + $"{string.Join(';', reasonSlugs)},{context},,published\n");
        }

        return new Dictionary<string, byte[]>
        {
            ["reasons.csv"] = Encoding.UTF8.GetBytes(reasons.ToString()),
            ["codebook.csv"] = Encoding.UTF8.GetBytes("version,dated,change_note\n1,2020-01-01,Synthetic codebook for benchmarks.\n"),
            ["sources.csv"] = Encoding.UTF8.GetBytes(sources.ToString()),
            ["speakers.csv"] = Encoding.UTF8.GetBytes(speakers.ToString()),
            ["statements.csv"] = Encoding.UTF8.GetBytes(rows.ToString()),
        };
    }

    /// <summary>A pronounceable made-up word for index i (ba, ko, bako, …).</summary>
    private static string Word(int index)
    {
        var builder = new StringBuilder();
        var n = index + 17;
        do
        {
            builder.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        } while (n > 0);
        return builder.ToString();
    }

    /// <summary>Roughly Zipf-distributed index: a few words are frequent, most are rare, as in text.</summary>
    private static int Zipf(Random random, int count) =>
        Math.Min(count - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(count))) - 1);
}
