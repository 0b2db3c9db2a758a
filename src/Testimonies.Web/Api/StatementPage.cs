namespace Testimonies.Web.Api;

/// <summary>
/// One page of statements; <c>Next</c> is the address of the following page, or null on the last. <c>CodebookVersion</c> is the
/// codebook version the statements' reasons are coded with (null while the archive has recorded none).
/// </summary>
public sealed record StatementPage(int Total, int Page, int PageSize, IReadOnlyList<StatementItem> Statements, string? Next,
    int? CodebookVersion);
