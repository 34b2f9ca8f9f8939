using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Resolves the request's principal into a <see cref="SignedIn"/> from the store, every time: the roles are
/// the ones in force now (a role withdrawn a second ago no longer counts), a locked-out account counts as
/// signed out, and a token or cookie issued before "sign out everywhere" (which renews the security stamp)
/// is refused.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, OpenDtiDbContext db, IOptions<IdentityOptions> identity, TimeProvider time)
{
    private bool _resolved;
    private SignedIn? _signedIn;

    /// <summary>The actor, or null when the request is anonymous or its credentials no longer hold.</summary>
    public async Task<SignedIn?> GetAsync(CancellationToken cancellationToken)
    {
        if (_resolved)
        {
            return _signedIn;
        }

        _resolved = true;
        var context = http.HttpContext;
        var principal = context?.User;
        if (principal?.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var now = time.GetUtcNow();
        if (user is null || (user.LockoutEnd is { } end && end > now))
        {
            return null;
        }

        if (principal.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is { } keyIdText && int.TryParse(keyIdText, out var keyId))
        {
            var key = await db.ApiKeys.AsNoTracking().Include(k => k.Units).SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, cancellationToken);
            return _signedIn = key is not null && key.IsActiveAt(now.UtcDateTime) ? new SignedIn(user, key, RemoteAddress(context!)) : null;
        }

        // A person holding a one-time password may only choose a new one (on /account); their keys still work.
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return _signedIn = stamp is not null && !user.MustChangePassword && string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal)
            ? new SignedIn(user, null, RemoteAddress(context!))
            : null;
    }

    private static string? RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
