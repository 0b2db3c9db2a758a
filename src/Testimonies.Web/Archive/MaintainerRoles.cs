using Microsoft.AspNetCore.Identity;

namespace Testimonies.Web.Archive;

/// <summary>
/// What a maintainer's account may do. The roles nest: an editor may also code, an administrator may also edit and code.
/// Coder: codes statements, nothing else. Editor: decides between coders, edits, imports, unpublishes. Administrator:
/// manages accounts. Accounts made before roles existed became administrators (they could do everything then).
/// </summary>
public static class MaintainerRoles
{
    public const string Coder = "coder";
    public const string Editor = "editor";
    public const string Administrator = "administrator";

    /// <summary>Each role with the roles that include it, for authorization policies: [coder, editor, administrator] may code.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> HeldBy = new Dictionary<string, string[]>
    {
        [Coder] = [Coder, Editor, Administrator],
        [Editor] = [Editor, Administrator],
        [Administrator] = [Administrator],
    };

    public static readonly IReadOnlyList<string> All = [Coder, Editor, Administrator];

    /// <summary>The roles as rows of Identity's table, with fixed ids so that migrations can refer to them.</summary>
    public static IdentityRole[] Rows() =>
    [
        new() { Id = "role-coder", Name = Coder, NormalizedName = "CODER", ConcurrencyStamp = "role-coder" },
        new() { Id = "role-editor", Name = Editor, NormalizedName = "EDITOR", ConcurrencyStamp = "role-editor" },
        new()
        {
            Id = "role-administrator", Name = Administrator, NormalizedName = "ADMINISTRATOR", ConcurrencyStamp = "role-administrator",
        },
    ];
}
