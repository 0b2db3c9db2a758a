using Microsoft.AspNetCore.Identity;
using Testimonies.Web.Maintainers;

namespace Testimonies.Web.Pages.Admin;

/// <summary>/admin/accounts: the maintainers' accounts with their roles and lockouts; an administrator changes a role here.</summary>
public class AccountsModel(UserManager<Maintainer> users, TimeProvider clock, ILogger<AccountsModel> logger) : PageModel
{
    public sealed record Account(string Id, string Email, string? Role, DateTimeOffset? LockedUntil, string Stamp);

    public List<Account> Accounts { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed)
    {
        Changed = changed is { Length: <= 256 } ? changed : null;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? role, string? stamp)
    {
        var maintainer = id is null ? null : await users.FindByIdAsync(id);
        if (maintainer is null)
        {
            Problem = "There is no such account (it may have been removed); nothing was changed.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (stamp != maintainer.ConcurrencyStamp)
        {
            Problem = $"The account {maintainer.Email} was changed since this page was opened; the list now shows it as it is. " +
                "Nothing was changed.";
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (await MaintainerRoleChange.SetAsync(users, maintainer, role ?? "") is { } refused)
        {
            Problem = refused + " Nothing was changed.";
            Response.StatusCode = MaintainerRoles.All.Contains(role ?? "") ? StatusCodes.Status409Conflict
                : StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            logger.LogInformation("{By} made {Email} {Role}", User.Identity!.Name, maintainer.Email, role);
            return Redirect($"/admin/accounts?changed={Uri.EscapeDataString(maintainer.Email!)}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        Accounts = [];
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            Accounts.Add(new Account(user.Id, user.Email ?? user.UserName ?? user.Id, MaintainerRoles.All.LastOrDefault(roles.Contains),
                user.LockoutEnd > now ? user.LockoutEnd : null, user.ConcurrencyStamp ?? ""));
        }
    }
}
