namespace OpenDti.Domain.Targets;

/// <summary>A value of a target's indicator for a unit in a year.</summary>
/// <param name="Year">The year the value describes.</param>
/// <param name="Value">The value.</param>
public readonly record struct Observation(int Year, double Value);
