using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Configuration;

/// <summary>
/// The uncertain inputs of the Monte Carlo analysis. Each is one factor of the sensitivity analysis: the weights
/// (as one group of independent uniform draws) and each list that has more than one alternative.
/// </summary>
public sealed record UncertaintyOptions
{
    /// <summary>Each weight is multiplied by 1 + p·(2u − 1), u ~ U(0, 1); default p = 0.25 (±25 %). 0 switches the factor off.</summary>
    public double WeightPerturbation { get; init; } = 0.25;

    /// <summary>Imputation methods drawn with equal probability; empty means the configured one only.</summary>
    public ImmutableArray<ImputationMethod> Imputation { get; init; } = [];

    /// <summary>Normalisation methods drawn with equal probability; empty means the configured one only.</summary>
    public ImmutableArray<NormalisationMethod> Normalisation { get; init; } = [];

    /// <summary>Aggregation methods drawn with equal probability; empty means the configured one only.</summary>
    public ImmutableArray<AggregationMethod> Aggregation { get; init; } = [];
}
