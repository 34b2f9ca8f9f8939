namespace OpenDti.Domain.Rankings;

/// <summary>A stored value an index run read, as it was when the run read it.</summary>
public sealed class IndexRunInput
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The run.</summary>
    public required int IndexRunId { get; init; }

    /// <summary>The value read (its row may change later; this keeps what the run saw).</summary>
    public required long DataValueId { get; init; }

    /// <summary>The value at the time of the run.</summary>
    public required double Value { get; init; }

    /// <summary>The value's concurrency token at the time of the run: a different token now means it changed since.</summary>
    public required Guid ConcurrencyToken { get; init; }
}
