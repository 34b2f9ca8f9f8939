namespace OpenDti.IndexEngine.Configuration;

/// <summary>Aggregation of children into each aggregate, level by level.</summary>
public sealed record AggregationOptions
{
    /// <summary>The method; weighted arithmetic mean by default.</summary>
    public AggregationMethod Method { get; init; } = AggregationMethod.Arithmetic;

    /// <summary>
    /// Minimum share (0 to 1) of an aggregate's children that must be available for a unit, else the unit's aggregate is
    /// missing (and unranked); 0 by default, so one available child is enough.
    /// </summary>
    public double MinChildShare { get; init; }
}
