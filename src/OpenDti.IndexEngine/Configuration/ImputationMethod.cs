namespace OpenDti.IndexEngine.Configuration;

/// <summary>How a missing indicator value is filled in.</summary>
public enum ImputationMethod
{
    /// <summary>Left missing: aggregates are computed over the children that are available ("aggregate over available data").</summary>
    None,

    /// <summary>The arithmetic mean of the indicator over the units that have it (COINr <c>i_mean</c>).</summary>
    Mean,

    /// <summary>The median of the indicator over the units that have it; the mean of the two middle values for an even count (R <c>median</c>, COINr <c>i_median</c>).</summary>
    Median,

    /// <summary>The mean of the indicator within the unit's group (COINr <c>i_mean_grp</c>); left missing when the whole group lacks it.</summary>
    GroupMean,
}
