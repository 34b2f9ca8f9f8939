namespace OpenDti.Domain.Values;

/// <summary>
/// The value of one measure for one unit and period. Demo values (generated, not reported) carry
/// <see cref="IsDemo"/> so that every page and response showing them can say so, and so that an
/// administrator can remove them all at once.
/// </summary>
public sealed class DataValue
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The reporting unit's identity.</summary>
    public required int UnitId { get; init; }

    /// <summary>The measure's identity.</summary>
    public required int MeasureId { get; init; }

    /// <summary>The reporting period.</summary>
    public required Period Period { get; init; }

    /// <summary>The value, in the measure's unit of measure.</summary>
    public required double Value { get; set; }

    /// <summary>The comment the reporter gave with the value (a source, a caveat).</summary>
    public string? Comment { get; set; }

    /// <summary>Where the value came from: one of <see cref="ValueSources"/>.</summary>
    public required string Source { get; set; }

    /// <summary>True for generated demonstration data.</summary>
    public bool IsDemo { get; set; }

    /// <summary>When the value was last written (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>A token the application renews on every write, so concurrent edits are detected.</summary>
    public Guid ConcurrencyToken { get; set; }
}
