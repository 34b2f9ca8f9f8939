namespace OpenDti.Domain.Accounts;

/// <summary>
/// One change to accounts, roles, API keys or units made through the product: who did it, when, from where,
/// to which account, and what. Append-only, like the value audit: the store refuses updates and deletes.
/// </summary>
public sealed class AccountEvent
{
    /// <summary>The store's identity, increasing in the order of events.</summary>
    public long Id { get; set; }

    /// <summary>One of <see cref="AccountEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Who did it (the account, its name at the time, the channel, the address).</summary>
    public required Actor Actor { get; init; }

    /// <summary>The account the change concerns, when there is one.</summary>
    public int? TargetUserId { get; init; }

    /// <summary>That account's name at the time.</summary>
    public string? TargetUserName { get; init; }

    /// <summary>What changed, in words ("data-entry @ 01001 Xã Đông Anh"); never a password or a key.</summary>
    public required string Detail { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; init; }
}
