namespace OpenDti.Domain.Targets;

/// <summary>How a value is held against a target.</summary>
public enum TargetComparison
{
    /// <summary>Reached when the value is at least the target ("at least 80 % of services at level 4").</summary>
    AtLeast,

    /// <summary>Reached when the value is at most the target ("at most 5 % of dossiers late").</summary>
    AtMost,

    /// <summary>Reached when the value equals the target, within <see cref="ProgressAssessment.ExactTolerance"/>.</summary>
    Exactly,

    /// <summary>Reached when the value is above the target ("over 50 % of people with an e-payment account").</summary>
    MoreThan,
}
