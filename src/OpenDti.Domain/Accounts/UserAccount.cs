using OpenDti.Domain.Geography;

namespace OpenDti.Domain.Accounts;

/// <summary>
/// A person or system that signs in. The role applies to <see cref="Unit"/> and its subtree.
/// The password is kept only as a salted hash.
/// </summary>
public sealed class UserAccount
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The sign-in name, unique, compared ignoring case.</summary>
    public required string UserName { get; init; }

    /// <summary>The salted password hash (never the password).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>One of <see cref="Role.All"/>.</summary>
    public required string Role { get; set; }

    /// <summary>The unit the role applies to, with its subtree.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit, when loaded.</summary>
    public ReportingUnit? Unit { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }
}
