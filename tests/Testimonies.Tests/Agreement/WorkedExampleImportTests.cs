using System.Globalization;
using System.Text;
using System.Text.Json;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Agreement;

/// <summary>
/// Krippendorff's worked example (2011, section C: four observers, twelve units, values 1–5, some missing), written as the
/// archive's own data files — twelve synthetic statements, five synthetic reasons, four synthetic coders, one codings.csv row
/// per value — imported like any upload, and read back from /codebook/agreement: the published page gives the paper's α.
/// </summary>
public class WorkedExampleImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The paper's table: observers as rows, units as columns, "." missing.</summary>
    private static readonly string[] Observers =
    [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ];

    /// <summary>A data folder of the example; missing values are statements an observer did not code.</summary>
    public static string WriteDataFolder()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-worked-example-").FullName;
        var reasons = new StringBuilder(TestData.ReasonsHeader + "\n");
        for (var value = 1; value <= 5; value++)
            reasons.Append(CultureInfo.InvariantCulture,
                $"synthetic-value-{value},Synthetic value {value},other,Code value {value} of the worked example.,,{value}\n");
        var statements = new StringBuilder(TestData.StatementsHeader + "\n");
        for (var unit = 1; unit <= 12; unit++)
            statements.Append(CultureInfo.InvariantCulture,
                $"worked-unit-{unit:D2},worked-source,{unit},,,worked-speaker,paraphrase,en,Synthetic unit {unit} of the worked " +
                $"example.,,,,,published,\n");
        var coders = new StringBuilder("key,label,notes\n");
        var codings = new StringBuilder("statement,coder,reason,confidence,codebook_version,coded_at,note,words\n");
        for (var observer = 0; observer < Observers.Length; observer++)
        {
            var letter = (char)('a' + observer);
            coders.Append(CultureInfo.InvariantCulture,
                $"synthetic-observer-{letter},Synthetic observer {char.ToUpperInvariant(letter)},\n");
            var values = Observers[observer].Split(' ');
            for (var unit = 1; unit <= 12; unit++)
                if (values[unit - 1] != ".")
                    codings.Append(CultureInfo.InvariantCulture,
                        $"worked-unit-{unit:D2},synthetic-observer-{letter},synthetic-value-{values[unit - 1]},,1,,,\n");
        }
        var files = new Dictionary<string, string>
        {
            ["reasons.csv"] = reasons.ToString(),
            ["codebook.csv"] = "version,dated,change_note\n1,2011-01-25,The values of Krippendorff's worked example as codes.\n",
            ["sources.csv"] = TestData.SourcesHeader + "\nworked-source,Synthetic Worked Example,,,,,,Test Publisher,,2011,,en,\n",
            ["speakers.csv"] = TestData.SpeakersHeader + "\nworked-speaker,,a synthetic speaker of the worked example,,fighter,no,\n",
            ["statements.csv"] = statements.ToString(),
            ["coders.csv"] = coders.ToString(),
            ["codings.csv"] = codings.ToString(),
        };
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
        return folder;
    }

    [Fact]
    public async Task ThePapersExampleImportedAsCodingsGivesItsAlphaOnTheAgreementPage()
    {
        await using var factory = new ArchiveFactory(WriteDataFolder());
        var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/codebook/agreement.json", Ct));
        var version = json.RootElement.GetProperty("versions").EnumerateArray().Single();
        var overall = version.GetProperty("overall");
        Assert.Equal(0.743, overall.GetProperty("alpha").GetDouble());
        Assert.Equal((11, 4, 40), (overall.GetProperty("units").GetInt32(), overall.GetProperty("coders").GetInt32(),
            overall.GetProperty("pairable_values").GetInt32()));
        Assert.Equal(11, version.GetProperty("statements_coded_by_two_or_more").GetInt32());

        var page = await client.GetStringAsync("/codebook/agreement", Ct);
        Assert.Contains("0.743", page, StringComparison.Ordinal);
    }
}
