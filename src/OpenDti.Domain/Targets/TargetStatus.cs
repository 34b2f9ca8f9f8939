namespace OpenDti.Domain.Targets;

/// <summary>Where a unit stands against a target.</summary>
public enum TargetStatus
{
    /// <summary>The latest value meets the target.</summary>
    Achieved,

    /// <summary>The pace seen is at least 95 % of the pace needed to meet the target by its deadline.</summary>
    OnTrack,

    /// <summary>The pace seen is between 50 % and 95 % of the pace needed.</summary>
    AtRisk,

    /// <summary>The pace seen is under half the pace needed, the value moves away from the target, or the deadline passed unmet.</summary>
    OffTrack,

    /// <summary>No value, or a single value that is not yet the target (no pace can be seen).</summary>
    NoData,
}
