namespace Testimonies.Web.Agreement;

/// <summary>
/// Krippendorff's alpha for nominal data and the figures it rests on.
/// </summary>
/// <param name="Value">Alpha, or null when <see cref="Undefined"/> says why it cannot be computed.</param>
/// <param name="PairableUnits">Units with values from two or more coders (the only ones alpha uses).</param>
/// <param name="Coders">Coders who gave at least one value in a pairable unit.</param>
/// <param name="PairableValues">Values in the pairable units (Krippendorff's n).</param>
/// <param name="PercentAgreement">
/// Agreeing pairs of values among all pairs of values within pairable units, in per cent; null when there are no pairs.
/// </param>
public sealed record Alpha(double? Value, AlphaUndefined? Undefined, int PairableUnits, int Coders, int PairableValues,
    double? PercentAgreement);
