namespace OpenDti.Domain.Targets;

/// <summary>Whom a target is set for.</summary>
public enum TargetScope
{
    /// <summary>The nation as a whole (e.g. Vietnam's rank among countries).</summary>
    Nation,

    /// <summary>Every province in force: each is measured against the same target.</summary>
    EveryProvince,

    /// <summary>One unit (a province's own target), given by <see cref="Target.ScopeUnitId"/>.</summary>
    Unit,
}
