using System.Security.Claims;

namespace Testimonies.Web.Maintainers;

/// <summary>What a signed-in maintainer's roles allow, as the role policies decide it (MaintainerSetup).</summary>
public static class MaintainerAccess
{
    /// <summary>True when the account holds <paramref name="role"/> or a role that includes it.</summary>
    public static bool May(this ClaimsPrincipal user, string role) => MaintainerRoles.HeldBy[role].Any(user.IsInRole);

    /// <summary>The account's widest role, or null for an account without one.</summary>
    public static string? RoleOf(ClaimsPrincipal user) => MaintainerRoles.All.LastOrDefault(user.IsInRole);
}
