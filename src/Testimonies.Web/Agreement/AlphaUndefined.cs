namespace Testimonies.Web.Agreement;

/// <summary>Why an alpha cannot be computed.</summary>
public enum AlphaUndefined
{
    /// <summary>No unit has values from two or more coders: there is nothing to compare.</summary>
    NoPairableValues,

    /// <summary>Every pairable value is the same category: expected disagreement is 0, so alpha is 0/0.</summary>
    NoVariation,
}
