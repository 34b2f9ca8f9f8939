namespace OpenDti.Domain.Frameworks;

/// <summary>How values of a measure combine when units merge or roll up the hierarchy.</summary>
public enum MeasureAggregation
{
    /// <summary>Counts and amounts add up (services, dossiers, people, đồng).</summary>
    Sum = 0,

    /// <summary>Scores and rates combine as a weighted mean (by population, or equally when stated).</summary>
    WeightedMean = 1,

    /// <summary>The value cannot be combined (a rank, a yes/no answer); a merged unit has no value until it reports.</summary>
    None = 2,
}
