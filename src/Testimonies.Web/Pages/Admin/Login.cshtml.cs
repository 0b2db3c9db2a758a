using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Testimonies.Web.Maintainers;

namespace Testimonies.Web.Pages.Admin;

public class LoginModel(SignInManager<Maintainer> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."),
        EmailAddress(ErrorMessage = "Enter an email address, such as name@example.org."), StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), StringLength(1024), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    /// <summary>Where to go after logging in: a local /admin address only, never another site.</summary>
    public string ReturnUrl { get; private set; } = "/admin";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Maintainer {Email} logged in", Email.Trim());
            return LocalRedirect(ReturnUrl);
        }
        // The same words for an unknown address and a wrong password: the form does not tell which addresses exist.
        Problem = result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for 15 minutes. Try again later, or ask another maintainer."
            : "The email address or the password is wrong.";
        logger.LogWarning("Failed login for {Email}{Locked}", Email.Trim(), result.IsLockedOut ? " (locked out)" : "");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/admin";
}
