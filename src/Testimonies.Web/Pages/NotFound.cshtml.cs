namespace Testimonies.Web.Pages;

/// <summary>Shown for 404s and other error statuses (re-executed by UseStatusCodePagesWithReExecute).</summary>
public class NotFoundModel : PageModel
{
    public int Code { get; private set; } = 404;

    public void OnGet(int? code)
    {
        // Only real error statuses are echoed; anything else typed into ?code= is treated as a 404.
        Code = code is >= 400 and <= 599 ? code.Value : 404;
        Response.StatusCode = Code;
    }
}
