using Testimonies.Web.Agreement;

namespace Testimonies.Tests.Agreement;

/// <summary>
/// Krippendorff's alpha against the worked examples of K. Krippendorff, "Computing Krippendorff's Alpha-Reliability"
/// (2011, University of Pennsylvania, ScholarlyCommons, repository.upenn.edu/asc_papers/43), and against small cases
/// computed by hand. The 4 × 12 data are also the "C" data of R's irr::kripp.alpha and DescTools::KrippAlpha examples.
/// </summary>
public class KrippendorffTests
{
    /// <summary>Coders as rows and units as columns, as the paper prints its tables ("." missing).</summary>
    internal static Alpha FromTable(params string[] coders)
    {
        var rows = coders.Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var units = Enumerable.Range(0, rows[0].Length)
            .Select(u => (IReadOnlyList<string?>)rows.Select(r => r[u] == "." ? null : r[u]).ToList())
            .ToList();
        return Krippendorff.Nominal(units);
    }

    [Fact]
    public void TheNominalExampleWithMissingValuesGivesThePapersAlpha()
    {
        // Section C of the paper: observers A–D, 12 units, values 1–5, nominal: α = 0.743.
        var alpha = FromTable(
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .");
        Assert.Equal(0.743, alpha.Value!.Value, 3);
        Assert.Equal(0.743421052631579, alpha.Value!.Value, 12); // n = 40, n_c = 9, 13, 10, 5, 3, Σ o_cc = 32: 1 − 39 × 8 / 1216
        Assert.Equal(11, alpha.PairableUnits); // unit 12 has one value and drops out
        Assert.Equal(40, alpha.PairableValues);
        Assert.Equal(4, alpha.Coders);
        Assert.Null(alpha.Undefined);
    }

    [Fact]
    public void TheBinaryExampleOfTwoCodersGivesThePapersAlpha()
    {
        // Section A of the paper: two observers, ten units, binary: α = 0.095.
        var alpha = FromTable("0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0");
        Assert.Equal(0.095, alpha.Value!.Value, 3);
        Assert.Equal(1 - 19.0 * 8 / (400 - 232), alpha.Value!.Value, 12); // n = 20, n₀ = 14, n₁ = 6, o₀₁ + o₁₀ = 8
        Assert.Equal(10, alpha.PairableUnits);
        Assert.Equal(60.0, alpha.PercentAgreement!.Value, 9); // 6 of the 10 pairs agree
    }

    [Fact]
    public void PerfectAgreementIsOne()
    {
        var alpha = FromTable("a b a c", "a b a c", "a b . c");
        Assert.Equal(1.0, alpha.Value!.Value, 12);
        Assert.Equal(100.0, alpha.PercentAgreement!.Value, 12);
        Assert.Equal(3, alpha.Coders);
    }

    [Fact]
    public void SystematicDisagreementIsNegative()
    {
        // n = 4, n_a = n_b = 2, no agreeing pair: α = 1 − 3 × 4 / (16 − 8) = −0.5.
        var alpha = FromTable("a b", "b a");
        Assert.Equal(-0.5, alpha.Value!.Value, 12);
        Assert.Equal(0.0, alpha.PercentAgreement!.Value, 12);
        // Three units, always disagreeing: n = 6, n_a = n_b = 3: α = 1 − 5 × 6 / (36 − 18) = −2/3.
        Assert.Equal(-2.0 / 3, FromTable("a b a", "b a b").Value!.Value, 12);
    }

    [Fact]
    public void ASingleCoderGivesNoAlpha()
    {
        var alpha = FromTable("a b a c");
        Assert.Null(alpha.Value);
        Assert.Equal(AlphaUndefined.NoPairableValues, alpha.Undefined);
        Assert.Equal(0, alpha.PairableUnits);
        Assert.Null(alpha.PercentAgreement);
        // Two coders who never coded the same unit are no better.
        Assert.Equal(AlphaUndefined.NoPairableValues, FromTable("a . b .", ". a . b").Undefined);
    }

    [Fact]
    public void NoVariationGivesNoAlphaButFullAgreement()
    {
        var alpha = FromTable("a a a", "a a a");
        Assert.Null(alpha.Value);
        Assert.Equal(AlphaUndefined.NoVariation, alpha.Undefined);
        Assert.Equal(3, alpha.PairableUnits);
        Assert.Equal(100.0, alpha.PercentAgreement);
    }

    [Fact]
    public void AValueOutsideTheCategoriesIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Krippendorff.Nominal([0, 2], 2, 2));
}
