namespace Testimonies.Web.Search;

public enum SearchSort
{
    Relevance,
    Source,
}
