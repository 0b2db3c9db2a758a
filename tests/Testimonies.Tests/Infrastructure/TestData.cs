using System.Text;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// Generated data files for tests: a small, clearly synthetic archive in the import format.
/// None of it is testimony; it never goes into data/.
/// </summary>
public sealed class TestData
{
    public const string ReasonsHeader = "slug,name,theme,definition,boundary,position";
    public const string SourcesHeader = "key,title,subtitle,chapter,chapter_title,series,series_number,publisher,author,published,url,"
        + "language,notes";
    public const string SpeakersHeader = "key,name,description,nationality,role,group,notes";
    public const string StatementsHeader = "id,source,position,section,footnote,speaker,kind,language,text,said_when,reasons,context,"
        + "content_note,status,correction_note";
    public const string FindingsHeader = "key,source,footnote,wording,figure,percent,dataset,dataset_size,reasons";

    public List<string> Reasons { get; } =
    [
        ReasonsHeader,
        "test-reason,Test reason,other,Code when the synthetic text says so.,,1",
        "other-reason,Other test reason,fighting-injustice,Code when the synthetic text says otherwise.,,2",
    ];

    public const string CodebookHeader = "version,dated,change_note";

    /// <summary>The codebook version the reasons above make (an import whose reasons change the codebook names its version).</summary>
    public List<string> Codebook { get; } =
    [
        CodebookHeader,
        "1,2020-01-01,Synthetic codebook for tests.",
    ];

    public List<string> Sources { get; } =
    [
        SourcesHeader,
        "test-source,Synthetic Test Source,,,,,,Test Publisher,,2020-05,,en,Generated for tests; not a real publication.",
    ];

    public List<string> Speakers { get; } =
    [
        SpeakersHeader,
        "test-speaker,,a synthetic test speaker,Testland,fighter,no,",
    ];

    public List<string> Statements { get; } =
    [
        StatementsHeader,
        "test-0001,test-source,1,,1,test-speaker,quotation,en,Synthetic words number one,,test-reason,,,published",
        "test-0002,test-source,2,,2,test-speaker,paraphrase,en,The synthetic speaker reportedly said something.,,,,,published",
    ];

    public List<string> Findings { get; } =
    [
        FindingsHeader,
        "test-finding,test-source,3,Ten per cent of synthetic cases said so,ten per cent,10,a synthetic dataset,100,test-reason",
    ];

    /// <summary>The files as an import would receive them (UTF-8, LF line ends).</summary>
    /// <summary>
    /// Adds <paramref name="count"/> synthetic quotations of the test speaker, their ids and positions from <paramref name="first"/>.
    /// </summary>
    public void AddStatements(int first, int count)
    {
        for (var i = first; i < first + count; i++)
            Statements.Add(
                $"test-{i:D4},test-source,{i},,{i},test-speaker,quotation,en,Synthetic words number {i},,test-reason,,,published");
    }

    public Dictionary<string, byte[]> Files() => new()
    {
        ["reasons.csv"] = Encode(Reasons),
        ["codebook.csv"] = Encode(Codebook),
        ["sources.csv"] = Encode(Sources),
        ["speakers.csv"] = Encode(Speakers),
        ["statements.csv"] = Encode(Statements),
        ["findings.csv"] = Encode(Findings),
    };

    /// <summary>Writes the files into a new temporary folder and returns its path.</summary>
    public string WriteToTempFolder()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-data-").FullName;
        foreach (var (name, content) in Files())
            File.WriteAllBytes(Path.Combine(folder, name), content);
        return folder;
    }

    public static byte[] Encode(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>Quotes one CSV cell.</summary>
    public static string Cell(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
