namespace OpenDti.IndexEngine.Configuration;

/// <summary>How an indicator is brought to a common scale. The direction is applied first: a −1 indicator is negated.</summary>
public enum NormalisationMethod
{
    /// <summary>The value as it is (after multiplying by the direction).</summary>
    None,

    /// <summary>(x − min) / (max − min) × (high − low) + low (COINr <c>n_minmax</c>); a constant column maps to the midpoint.</summary>
    MinMax,

    /// <summary>(x − mean) / sd × sd' + mean', sd with n − 1 (COINr <c>n_zscore</c>, R <c>sd</c>); a constant column maps to mean'.</summary>
    ZScore,

    /// <summary>Rank among the available values, 1 = lowest, ties take the lowest rank (R <c>rank(ties.method = "min")</c>, COINr <c>n_rank</c>).</summary>
    Rank,

    /// <summary>(rank − 1) / (n − 1) with ties at the lowest rank, scaled to [low, high] (dplyr <c>percent_rank</c>).</summary>
    PercentileRank,

    /// <summary>(x − lo) / (hi − lo) with the metadata goalposts, truncated to [0, 1], scaled to [low, high] (COINr <c>n_goalposts</c>).</summary>
    Goalposts,

    /// <summary>(x − min) / (target − min), truncated to [0, 1], scaled to [low, high] (COINr <c>n_dist2targ</c> with <c>cap_max = TRUE</c>).</summary>
    DistanceToTarget,
}
