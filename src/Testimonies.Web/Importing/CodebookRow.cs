namespace Testimonies.Web.Importing;

/// <summary>One row of codebook.csv, typed: a version of the codebook.</summary>
public sealed record CodebookRow(RawRecord At, int Number, DateOnly Dated, string ChangeNote);
