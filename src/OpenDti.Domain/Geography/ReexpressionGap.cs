namespace OpenDti.Domain.Geography;

/// <summary>Why a re-expressed value is missing, or <see cref="None"/> when it is there.</summary>
public enum ReexpressionGap
{
    /// <summary>The value was computed.</summary>
    None = 0,

    /// <summary>
    /// At least one predecessor has no value (for a ratio: no numerator or no denominator); they are
    /// listed in <see cref="ReexpressedValue.MissingPredecessors"/>. A partial sum would understate the
    /// successor, so there is no value at all.
    /// </summary>
    MissingValues = 1,

    /// <summary>
    /// Every predecessor has a score, but at least one has no weight under the stated
    /// <see cref="ScoreWeighting"/>; they are listed in <see cref="ReexpressedValue.MissingPredecessors"/>.
    /// </summary>
    MissingWeights = 2,

    /// <summary>The re-expressed denominator of a ratio is zero, so the ratio is undefined.</summary>
    ZeroDenominator = 3,

    /// <summary>The predecessors' weights times shares sum to zero, so the weighted mean is undefined.</summary>
    ZeroTotalWeight = 4,
}
