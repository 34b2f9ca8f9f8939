using OpenDti.Domain.Geography;

namespace OpenDti.Domain.Accounts;

/// <summary>A role held on a unit and everything under it ("reviewer of Tỉnh Phú Thọ").</summary>
public sealed class RoleAssignment
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The account holding the role.</summary>
    public int UserId { get; init; }

    /// <summary>One of <see cref="Role.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The unit the role applies to, with its subtree.</summary>
    public int UnitId { get; init; }

    /// <summary>The unit, when loaded.</summary>
    public ReportingUnit? Unit { get; set; }

    /// <summary>When the role was granted (UTC).</summary>
    public DateTime GrantedAtUtc { get; init; }
}
