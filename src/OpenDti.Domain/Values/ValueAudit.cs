using OpenDti.Domain.Accounts;

namespace OpenDti.Domain.Values;

/// <summary>
/// One change of one value: who, when, through which channel and from where, the old and the new value and
/// comment, and why. Append-only: the product has no way to change or delete an entry, and the store
/// refuses updates and deletes of the table.
/// </summary>
public sealed class ValueAudit
{
    /// <summary>The store's identity, increasing in the order of changes.</summary>
    public long Id { get; set; }

    /// <summary>The unit.</summary>
    public int UnitId { get; init; }

    /// <summary>The measure.</summary>
    public int MeasureId { get; init; }

    /// <summary>The period.</summary>
    public required Period Period { get; init; }

    /// <summary>The value before; null when there was none.</summary>
    public double? OldValue { get; init; }

    /// <summary>The value after; null when it was removed.</summary>
    public double? NewValue { get; init; }

    /// <summary>The comment before.</summary>
    public string? OldComment { get; init; }

    /// <summary>The comment after.</summary>
    public string? NewComment { get; init; }

    /// <summary>Who, through what, from where.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Why (a reviewer's reason, an upload's file name, an ingestion's file).</summary>
    public string? Reason { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; init; }
}
