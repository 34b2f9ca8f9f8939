namespace OpenDti.IndexEngine.Explanations;

/// <summary>
/// The smallest rise of one indicator's normalised value that lifts the unit at least one rank, everything else
/// (other units, other indicators, normalisation parameters) held equal.
/// </summary>
/// <param name="Code">The indicator.</param>
/// <param name="CurrentValue">The unit's normalised value now.</param>
/// <param name="RequiredValue">The normalised value needed.</param>
/// <param name="Increase">RequiredValue − CurrentValue, in normalised points.</param>
/// <param name="NewRank">The rank the unit would then have.</param>
public sealed record Improvement(string Code, double CurrentValue, double RequiredValue, double Increase, int NewRank);
