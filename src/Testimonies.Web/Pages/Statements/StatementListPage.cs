using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Statements;

/// <summary>One page of a statement list, as read from ?page=.</summary>
public sealed record StatementListPage(Pager Pager, List<StatementCard> Cards, string? UnreadablePage, string BasePath)
{
    /// <summary>400 when ?page= is not a number, 404 when it is past the end; null when the page exists.</summary>
    public int? ErrorStatus => UnreadablePage is not null ? StatusCodes.Status400BadRequest
        : !Pager.Exists ? StatusCodes.Status404NotFound : null;
}
