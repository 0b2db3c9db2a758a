namespace Testimonies.Web.Agreement;

/// <param name="Statements">Published statements coded under the version by anyone.</param>
/// <param name="CodedByOne">Of those, coded by one coder only: counted, never compared.</param>
/// <param name="CodedByTwoOrMore">Of those, coded by two or more coders: the statements every figure uses.</param>
/// <param name="Coders">Coders who coded under the version.</param>
public sealed record VersionAgreement(int Number, DateOnly? Dated, int Statements, int CodedByOne, int CodedByTwoOrMore, int Coders,
    IReadOnlyList<ReasonAgreement> Reasons, Alpha Overall, Alpha Pooled);
