using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Testimonies.Web.Maintainers;

/// <summary>
/// The login's password check, the same in cost and in answer whether the address has an account or not, and whether
/// the account is locked: Identity alone hashes only for real, unlocked accounts (~200 ms against ~5 ms), which tells
/// an attacker which addresses exist. The lockout itself is Identity's, unchanged.
/// </summary>
public sealed class MaintainerSignIn(SignInManager<Maintainer> signIn, IPasswordHasher<Maintainer> hasher)
{
    /// <summary>The one answer to a wrong address, a wrong password and a locked account.</summary>
    public const string Refused = "The email address or the password is wrong, or the account is locked for 15 minutes after " +
        "too many wrong passwords. Check both and try again later, or ask another maintainer.";

    /// <summary>A hash of a random password, made with the site's own settings, to check unknown addresses against.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Maintainer>(
            Options.Create(new PasswordHasherOptions { IterationCount = MaintainerSetup.PasswordHashIterations }))
        .HashPassword(new Maintainer(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public async Task<SignInResult> PasswordSignInAsync(string email, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is not null && !await signIn.UserManager.IsLockedOutAsync(user))
            return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        // No account, or a locked one (whose password is not even checked): spend what a real check spends.
        hasher.VerifyHashedPassword(new Maintainer(), DummyHash.Value, password);
        return user is null ? SignInResult.Failed : SignInResult.LockedOut;
    }
}
