using Microsoft.AspNetCore.Identity;
using Testimonies.Web.Maintainers;

namespace Testimonies.Web.Pages.Admin;

public class LogoutModel(SignInManager<Maintainer> signIn, UserManager<Maintainer> users) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of the old cookie worthless, not only this browser's.
        if (await users.GetUserAsync(User) is { } maintainer) await users.UpdateSecurityStampAsync(maintainer);
        await signIn.SignOutAsync();
        return Redirect("/admin/login?loggedOut=1");
    }
}
