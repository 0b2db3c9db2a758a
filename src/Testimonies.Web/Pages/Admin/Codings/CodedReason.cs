namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>One reason a coder applies, as the coding form posts it (checked already).</summary>
public sealed record CodedReason(int ReasonId, Confidence Confidence, string? Note, int? SpanStart, int? SpanEnd);
