using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Configuration;

/// <summary>
/// Which steps the pipeline runs and how. Every step is optional: the defaults are no denomination, no screening,
/// no imputation, no outlier treatment, min-max to [0, 100], metadata weights and the weighted arithmetic mean.
/// </summary>
public sealed record PipelineConfig
{
    /// <summary>The defaults.</summary>
    public static PipelineConfig Default { get; } = new();

    /// <summary>Indicator code → denominator column: the indicator is divided by that column of the data.</summary>
    public ImmutableDictionary<string, string> Denomination { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Drop units with too little data.</summary>
    public ScreeningOptions Screening { get; init; } = new();

    /// <summary>Fill in missing values.</summary>
    public ImputationOptions Imputation { get; init; } = new();

    /// <summary>Treat outliers (COINr's winsorise-then-log rule).</summary>
    public TreatmentOptions Treatment { get; init; } = new();

    /// <summary>Bring indicators to one scale.</summary>
    public NormalisationOptions Normalisation { get; init; } = new();

    /// <summary>Which weights to use.</summary>
    public WeightingOptions Weights { get; init; } = new();

    /// <summary>How aggregates are computed.</summary>
    public AggregationOptions Aggregation { get; init; } = new();

    /// <summary>What the Monte Carlo analysis varies (used only by <c>UncertaintyAnalysis</c>).</summary>
    public UncertaintyOptions Uncertainty { get; init; } = new();
}
