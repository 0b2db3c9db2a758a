using System.Text.RegularExpressions;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Evidence;

/// <summary>
/// The defects a reviewer found in data/ by comparing it with the chapter (issue 14), each held here against the chapter's
/// text, independently of the import's own checks.
/// </summary>
public partial class ReviewDefectTests
{
    private static readonly string Chapter = File.ReadAllText(Path.Combine(RepositoryPaths.Data, "sources", "csis-2016-ch9.txt"));

    private static Dictionary<string, string> Row(string file, string key, string value) =>
        DataFolderTests.ReadCsv(file).Single(r => r[key] == value);

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();

    [Fact]
    public void EveryQuotedPassageInAContextOrSpeakerNoteIsTheChaptersWords()
    {
        var notes = DataFolderTests.ReadCsv("statements.csv").Select(r => (r["id"], r["context"]))
            .Concat(DataFolderTests.ReadCsv("speakers.csv").Select(r => (r["key"], r["notes"])));
        foreach (var (key, note) in notes)
            foreach (Match quoted in Quoted().Matches(note))
            {
                // A link to another statement quotes that statement's words, which the statement tests check.
                if (note.Contains($"[“{quoted.Groups[1].Value}”]", StringComparison.Ordinal)) continue;
                Assert.True(Chapter.Contains(quoted.Groups[1].Value, StringComparison.Ordinal), $"{key}: “{quoted.Groups[1].Value}”");
            }
    }

    [Fact]
    public void TheFn99FindingIsNotRewordedAsAShareOfDefectors()
    {
        foreach (var row in DataFolderTests.ReadCsv("statements.csv"))
        {
            Assert.DoesNotContain("21 of 60", row["context"], StringComparison.Ordinal);
            Assert.DoesNotContain("21 per cent of defectors", row["context"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FindingsKeepTheSourcesQualifiersAndGiveADatasetSizeOnlyWhereTheSourceStatesIt()
    {
        var fn99 = Row("findings.csv", "footnote", "99");
        var fn107 = Row("findings.csv", "footnote", "107");
        var fn109 = Row("findings.csv", "footnote", "109");
        Assert.Equal(("at least", "60"), (fn99["percent_qualifier"], fn99["dataset_size"]));
        Assert.Equal(("", ""), (fn107["percent_qualifier"], fn107["dataset_size"])); // 8.5 per cent of 60 is no whole number
        Assert.Equal(("just over", ""), (fn109["percent_qualifier"], fn109["dataset_size"]));
        foreach (var finding in new[] { fn99, fn107, fn109 })
        {
            Assert.Contains(finding["wording"], Chapter, StringComparison.Ordinal);
            Assert.Contains(finding["dataset"], Chapter, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Csis1605And09AreCodedByTheirWordsWithTheReasonInTheCodersNote()
    {
        var five = Row("statements.csv", "id", "csis16-05");
        Assert.Equal("infighting;lack-of-humanitarian-concern", five["reasons"]);
        var codings = DataFolderTests.ReadCsv("codings.csv");
        Assert.Equal(["infighting", "lack-of-humanitarian-concern"],
            codings.Where(c => c["statement"] == "csis16-05").Select(c => c["reason"]).Order());
        Assert.Contains(codings, c => c["statement"] == "csis16-05" && c["note"].Contains("Coded by its words", StringComparison.Ordinal));
        var nine = Row("statements.csv", "id", "csis16-09");
        Assert.Equal("cannon-fodder", nine["reasons"]);
        Assert.Contains(codings, c => c["statement"] == "csis16-09" && c["reason"] == "cannon-fodder"
            && c["note"].Contains("Not racism and discrimination", StringComparison.Ordinal));
        // The coding's reasoning is the coder's note now, not the context note readers see beside the words.
        Assert.DoesNotContain("Coded by its words", five["context"], StringComparison.Ordinal);
    }

    [Fact]
    public void SpeakersAreDescribedInTheChaptersWordsAndTheArchivesWordingIsALabel()
    {
        foreach (var speaker in DataFolderTests.ReadCsv("speakers.csv"))
        {
            var words = speaker["description"];
            var flipped = (char.IsUpper(words[0]) ? char.ToLowerInvariant(words[0]) : char.ToUpperInvariant(words[0])) + words[1..];
            Assert.True(Chapter.Contains(words, StringComparison.Ordinal) || Chapter.Contains(flipped, StringComparison.Ordinal),
                $"{speaker["key"]}: “{words}”");
        }
        Assert.Equal("Other fighters", Row("speakers.csv", "key", "fighters-not-protecting-muslims")["description"]);
        Assert.Equal("one defector", Row("speakers.csv", "key", "defector-rebel-factions")["description"]);
        Assert.Equal("fighter", Row("speakers.csv", "key", "british-fighter-london")["role"]); // "a disillusioned British fighter"
        Assert.Contains("Perhaps the best known case", Row("speakers.csv", "key", "indian-fighter")["notes"], StringComparison.Ordinal);
        Assert.DoesNotContain("interviewed at length", Row("speakers.csv", "key", "british-foreign-fighter-interview")["label"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void ProvenanceIsRecordedOnlyWhereTheChapterSaysIt()
    {
        var told = DataFolderTests.ReadCsv("statements.csv").Where(r => r["provenance"] == "told-to-author").Select(r => r["id"]);
        Assert.Equal(["csis16-01", "csis16-03", "csis16-17", "csis16-18"], told);
        Assert.Equal("sent-to-author", Row("statements.csv", "id", "csis16-02")["provenance"]);
        foreach (var row in DataFolderTests.ReadCsv("statements.csv").Where(r => r["provenance_words"].Length > 0))
            Assert.Contains(row["provenance_words"], Chapter, StringComparison.Ordinal);
        Assert.All(DataFolderTests.ReadCsv("statements.csv"), r => Assert.Equal("", r["spoken_language"] + r["translated"]));
    }
}
