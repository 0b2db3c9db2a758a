namespace Testimonies.Web.Rendering;

/// <summary>The address the reader used to reach the site ("https://example.org"), for permalinks and downloads.</summary>
public static class SiteAddress
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
