using Testimonies.Web.Rendering;

namespace Testimonies.Web.Pages.Classroom;

/// <summary>
/// /classroom: the reader switches the classroom display (Rendering/ClassroomDisplay) for this browser. A GET, because it
/// changes only the reader's own cookie: /classroom?cover=on&amp;return=/s/csis16-14 keeps the choice and answers 303 back to
/// the page the reader came from; without <c>cover</c> the page explains the choice and offers it as a form. A wrong value
/// or a return address off this site is named and changes nothing (400).
/// </summary>
public class IndexModel(TimeProvider clock) : PageModel
{
    public const string ReturnField = "return";

    /// <summary>The display this request sees (the cookie, or a cover=1 / cover=0 in the address).</summary>
    public bool On { get; private set; }

    /// <summary>The local page to go back to, when one was given and is on this site.</summary>
    public string? Return { get; private set; }

    /// <summary>What was wrong with the address, by field: shown at the top of the page with a 400.</summary>
    public Dictionary<string, string> Problems { get; } = [];

    public IActionResult OnGet()
    {
        On = ClassroomDisplay.IsOn(Request);
        var returnValue = Request.Query[ReturnField];
        if (returnValue.Count > 0)
        {
            Return = ClassroomDisplay.LocalReturn(returnValue.Count == 1 ? returnValue[0] : null);
            if (Return is null)
            {
                Problems[ReturnField] = "The page to go back to must be one address on this site, starting with a single “/”.";
            }
        }
        var coverValue = Request.Query[ClassroomDisplay.QueryName];
        bool? choice = null;
        if (coverValue.Count > 0)
        {
            choice = ClassroomDisplay.Choice(coverValue.Count == 1 ? coverValue[0] : null);
            if (choice is null)
            {
                Problems[ClassroomDisplay.QueryName] = "The choice must be “on” (cover) or “off” (show every statement’s words).";
            }
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (choice is not { } on) return Page();

        if (on)
        {
            Response.Cookies.Append(ClassroomDisplay.CookieName, ClassroomDisplay.CookieValue,
                ClassroomDisplay.CookieOptions(Request, clock));
        }
        else
        {
            Response.Cookies.Delete(ClassroomDisplay.CookieName, ClassroomDisplay.CookieOptions(Request, clock));
        }
        Response.Headers.Location = ClassroomDisplay.ForLocation(Return ?? "/classroom");
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
