using System.Diagnostics;

namespace Testimonies.Web.Pages;

/// <summary>Shown outside Development when a request fails; it never shows a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public void OnGet() => Handle();

    public void OnPost() => Handle();

    private void Handle()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
