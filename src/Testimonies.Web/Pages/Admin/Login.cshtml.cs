using System.ComponentModel.DataAnnotations;
using Testimonies.Web.Maintainers;

namespace Testimonies.Web.Pages.Admin;

public class LoginModel(MaintainerSignIn signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."),
        EmailAddress(ErrorMessage = "Enter an email address, such as name@example.org."), StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), StringLength(1024), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    /// <summary>Where to go after logging in: a local /admin address only, never another site.</summary>
    public string ReturnUrl { get; private set; } = "/admin";

    /// <summary>True after the log-out button brought the maintainer here: the page says so.</summary>
    public bool LoggedOut { get; private set; }

    public void OnGet(string? returnUrl, string? loggedOut)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        LoggedOut = loggedOut == "1";
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password);
        if (result.Succeeded)
        {
            logger.LogInformation("Maintainer {Email} logged in", Email.Trim());
            return LocalRedirect(ReturnUrl);
        }
        // The same words for an unknown address, a wrong password and a locked account: the form does not tell which
        // addresses exist. The log (maintainers only) says which it was.
        Problem = MaintainerSignIn.Refused;
        logger.LogWarning("Failed login for {Email}{Locked}", Email.Trim(), result.IsLockedOut ? " (locked out)" : "");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/admin";
}
