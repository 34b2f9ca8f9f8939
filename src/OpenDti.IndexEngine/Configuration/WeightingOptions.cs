using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Configuration;

/// <summary>Which weights are used. Weights are relative among siblings: each aggregate divides by their sum.</summary>
public sealed record WeightingOptions
{
    /// <summary>Ignore the metadata weights and give every child of an aggregate the same weight.</summary>
    public bool EqualPerLevel { get; init; }

    /// <summary>Node code → weight, applied last (over metadata or equal weights).</summary>
    public ImmutableDictionary<string, double> Overrides { get; init; } = ImmutableDictionary<string, double>.Empty;
}
