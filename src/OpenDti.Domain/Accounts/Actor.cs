namespace OpenDti.Domain.Accounts;

/// <summary>
/// Who did something, as the audit trail and histories keep it: the account (or API key), the name shown
/// at the time, the channel it came through and the network address it came from.
/// </summary>
public sealed record Actor
{
    /// <summary>The account, when a person or a key acting for one.</summary>
    public int? UserId { get; init; }

    /// <summary>The API key, when the change came through one.</summary>
    public int? ApiKeyId { get; init; }

    /// <summary>The name as it was at the time ("nguyenvana", "key 3f2a…: Hệ thống một cửa").</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="Values.ValueSources"/>: form, upload, api, ingestion, events, cli.</summary>
    public required string Channel { get; init; }

    /// <summary>The client's address, when the change came over the network.</summary>
    public string? RemoteAddress { get; init; }
}
