using Testimonies.Web.Agreement;
using static Testimonies.Web.Agreement.AgreementReport;

namespace Testimonies.Tests.Agreement;

/// <summary>The report's figures from coding rows (no store): what is compared, per version, per reason, overall and pooled.</summary>
public class AgreementReportTests
{
    private static readonly ReasonName[] Reasons = Enumerable.Range(1, 5)
        .Select(i => new ReasonName(i, $"synthetic-reason-{i}", $"Synthetic reason {i}")).ToArray();

    private static readonly VersionInfo[] Versions = [new(1, new DateOnly(2026, 1, 1), null), new(2, new DateOnly(2026, 6, 1), null)];

    /// <summary>The paper's 4 × 12 nominal data as codings: unit u is statement 100 + u, value v is reason v.</summary>
    private static List<CodingRow> PaperExample(int version)
    {
        string[] table =
        [
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ];
        var rows = new List<CodingRow>();
        for (var coder = 0; coder < table.Length; coder++)
        {
            var values = table[coder].Split(' ');
            for (var u = 0; u < values.Length; u++)
                if (values[u] != ".") rows.Add(new CodingRow(version, 100 + u, coder + 1, int.Parse(values[u], Inv)));
        }
        return rows;
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public void OneReasonPerStatementReproducesThePapersExampleOverall()
    {
        var version = Assert.Single(Compute(PaperExample(1), Reasons, Versions).Versions);
        Assert.Equal(0.743, version.Overall.Value!.Value, 3);
        Assert.Equal(12, version.Statements);
        Assert.Equal(1, version.CodedByOne); // unit 12
        Assert.Equal(11, version.CodedByTwoOrMore);
        Assert.Equal(4, version.Coders);
        Assert.Equal(5, version.Reasons.Count);
        Assert.All(version.Reasons, r => Assert.Equal(11, r.Alpha.PairableUnits));
        Assert.Equal(11 * 5, version.Pooled.PairableUnits);
        Assert.Equal(new DateOnly(2026, 1, 1), version.Dated);
    }

    [Fact]
    public void PerReasonFiguresArePresentOrAbsent()
    {
        // Reason 1 in the paper's data: present where the value is 1, absent elsewhere. Per unit (coders A–D):
        // u1 1 1 . 1; u6 1 0 0 0; u8 1 1 0 1; u11 . . 1 1; all other pairable units absent for every coder.
        var reason1 = Compute(PaperExample(1), Reasons, Versions).Versions[0].Reasons[0];
        var expected = KrippendorffTests.FromTable(
            "1 0 0 0 0 1 0 1 0 . .",
            "1 0 0 0 0 0 0 1 0 0 .",
            ". 0 0 0 0 0 0 0 0 0 1",
            "1 0 0 0 0 0 0 1 0 0 1");
        Assert.Equal(expected.Value!.Value, reason1.Alpha.Value!.Value, 12);
        Assert.Equal(expected with { Value = null }, reason1.Alpha with { Value = null });
        Assert.Equal("synthetic-reason-1", reason1.Slug);
    }

    [Fact]
    public void VersionsAreComputedApartAndOneCoderIsNeverCompared()
    {
        var rows = PaperExample(2);
        // Version 1: one coder, three statements (one with no reason).
        rows.AddRange([new(1, 1, 9, 1), new(1, 2, 9, 2), new(1, 3, 9, null)]);
        var report = Compute(rows, Reasons, Versions);
        Assert.Equal([2, 1], report.Versions.Select(v => v.Number));
        Assert.Equal(0.743, report.Versions[0].Overall.Value!.Value, 3);
        var first = report.Versions[1];
        Assert.Equal(3, first.CodedByOne);
        Assert.Equal(0, first.CodedByTwoOrMore);
        Assert.Equal(AlphaUndefined.NoPairableValues, first.Overall.Undefined);
        Assert.All(first.Reasons, r => Assert.Null(r.Alpha.Value));
        Assert.Equal("3 statements coded by one coder; none coded twice", Coverage(first));
    }

    [Fact]
    public void NoReasonIsACategoryOverallAndAbsentPerReason()
    {
        // Statement 1: both say no reason applies; statement 2: one says reason 1, the other none; statement 3: both reason 2.
        List<CodingRow> rows =
            [new(1, 1, 1, null), new(1, 1, 2, null), new(1, 2, 1, 1), new(1, 2, 2, null), new(1, 3, 1, 2), new(1, 3, 2, 2)];
        var version = Compute(rows, Reasons, Versions).Versions.Single();
        // Overall: units (∅,∅), ({1},∅), ({2},{2}): n = 6, n_∅ = 3, n_{1} = 1, n_{2} = 2, Σ o_cc = 4: 1 − 5 × 2 / (36 − 14).
        Assert.Equal(1 - 5.0 * 2 / 22, version.Overall.Value!.Value, 12);
        Assert.Equal(200.0 / 3, version.Overall.PercentAgreement!.Value, 9);
        Assert.Equal(3, version.Reasons[0].Alpha.PairableUnits);
    }

    [Fact]
    public void TheCodebooksCodesChooseTheReasonsListed()
    {
        VersionInfo[] versions = [new(1, new DateOnly(2026, 1, 1), new HashSet<string> { "synthetic-reason-2" })];
        List<CodingRow> rows = [new(1, 1, 1, 3), new(1, 1, 2, 3)];
        var version = Compute(rows, Reasons, versions).Versions.Single();
        // Reason 2 is in the version's codebook; reason 3 was used; the others are neither.
        Assert.Equal(["synthetic-reason-2", "synthetic-reason-3"], version.Reasons.Select(r => r.Slug));
    }

    [Fact]
    public void TheReadingFollowsTheThresholds()
    {
        static Alpha Of(double value) => new(value, null, 10, 2, 20, 90);
        Assert.StartsWith("reliable", Reading(Of(0.8)), StringComparison.Ordinal);
        Assert.StartsWith("tentative", Reading(Of(0.667)), StringComparison.Ordinal);
        Assert.StartsWith("not reliable", Reading(Of(0.6669)), StringComparison.Ordinal);
        Assert.StartsWith("not computable", Reading(new Alpha(null, AlphaUndefined.NoVariation, 3, 2, 6, 100)), StringComparison.Ordinal);
    }
}
