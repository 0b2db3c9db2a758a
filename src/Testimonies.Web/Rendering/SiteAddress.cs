using Microsoft.Extensions.Options;

namespace Testimonies.Web.Rendering;

/// <summary>
/// The site's address ("https://example.org") for permalinks, citations and downloads: Archive:PublicUrl when it is
/// set, so a Host header cannot change what the site writes; else the address the reader used.
/// </summary>
public static class SiteAddress
{
    public static string Of(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<IOptions<ArchiveOptions>>()?.Value.PublicUrl is { Length: > 0 } configured
            && ArchiveOptions.PublicAddress(configured) is { } address
            ? address.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host}";
}
