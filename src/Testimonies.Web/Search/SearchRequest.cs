namespace Testimonies.Web.Search;

public sealed record SearchRequest(string? Text, SearchFilters Filters, SearchSort? Sort = null, int Page = 1, int PageSize = 20);
