using Microsoft.AspNetCore.Identity;

namespace Testimonies.Web.Maintainers;

/// <summary>Gives an account one role (the roles nest, so an account holds one), for the command line and /admin/accounts alike.</summary>
public static class MaintainerRoleChange
{
    /// <summary>"coder, editor or administrator": what a wrong role is answered with.</summary>
    public static string Listed => string.Join(", ", MaintainerRoles.All.SkipLast(1)) + " or " + MaintainerRoles.All[^1];

    /// <summary>Sets the account's role; the refusal's words, or null when done (or when it held the role already).</summary>
    public static async Task<string?> SetAsync(UserManager<Maintainer> users, Maintainer maintainer, string role)
    {
        if (!MaintainerRoles.All.Contains(role)) return $"“{role}” is not a role; the roles are {Listed}.";
        var held = await users.GetRolesAsync(maintainer);
        if (held.Count == 1 && held[0] == role) return null;
        if (held.Contains(MaintainerRoles.Administrator) && role != MaintainerRoles.Administrator
            && (await users.GetUsersInRoleAsync(MaintainerRoles.Administrator)).Count <= 1)
            return $"{maintainer.Email} is the only administrator; make another account an administrator first, " +
                "so that someone can still manage the accounts.";
        if (held.Count > 0 && await users.RemoveFromRolesAsync(maintainer, held) is { Succeeded: false } removed)
            return string.Join(" ", removed.Errors.Select(e => e.Description));
        var added = await users.AddToRoleAsync(maintainer, role);
        // Open sessions hold the new role from their next request: the security-stamp check (every request, MaintainerSetup)
        // makes their principal again from the store.
        return added.Succeeded ? null : string.Join(" ", added.Errors.Select(e => e.Description));
    }
}
