using Microsoft.AspNetCore.Identity;

namespace OpenDti.Domain.Accounts;

/// <summary>
/// A person who signs in (an ASP.NET Core Identity user: hashed password, lockout, security stamp).
/// What the person may do is in their <see cref="RoleAssignment"/>s, each a role on a unit and its subtree.
/// </summary>
public sealed class UserAccount : IdentityUser<int>
{
    /// <summary>The name shown beside the person's actions (audit trail, review history), NFC.</summary>
    public string? DisplayName { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>
    /// True after an administrator set a one-time password: the account can sign in only to choose a new
    /// password; until then it has no rights anywhere.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The roles, when loaded.</summary>
    public List<RoleAssignment> Roles { get; } = [];
}
