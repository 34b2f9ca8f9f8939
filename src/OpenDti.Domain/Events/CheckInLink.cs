namespace OpenDti.Domain.Events;

/// <summary>
/// A bridge point's check-in link. The token itself is shown once, when issued (on the QR sheet); the store
/// keeps only its SHA-256, so a copy of the store cannot report for anybody. Issuing a new link revokes the
/// earlier ones of the point.
/// </summary>
public sealed class CheckInLink
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The bridge point.</summary>
    public int BridgePointId { get; set; }

    /// <summary>The SHA-256 of the token, lower-case hex.</summary>
    public required string TokenHash { get; init; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime IssuedAtUtc { get; init; }

    /// <summary>When it was revoked (UTC); null while it works.</summary>
    public DateTime? RevokedAtUtc { get; set; }
}
