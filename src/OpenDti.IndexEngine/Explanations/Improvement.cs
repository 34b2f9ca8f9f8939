namespace OpenDti.IndexEngine.Explanations;

/// <summary>
/// The smallest rise of one indicator's normalised value that lifts the unit at least one rank, everything else
/// (other units, other indicators, normalisation and treatment parameters) held equal; also in the indicator's own units.
/// </summary>
/// <param name="Code">The indicator.</param>
/// <param name="CurrentValue">The unit's normalised value now.</param>
/// <param name="RequiredValue">The normalised value needed.</param>
/// <param name="Increase">RequiredValue − CurrentValue, in normalised points.</param>
/// <param name="NewRank">The rank the unit would then have.</param>
/// <param name="CurrentRawValue">The unit's value in the indicator's own units now: after denomination and imputation, before treatment (the Imputed table).</param>
/// <param name="RequiredRawValue">
/// The raw value that gives <paramref name="RequiredValue"/>: normalisation inverted (none, min-max, z-score, goalposts,
/// distance to target, with the run's minimum, maximum, mean, standard deviation, goalposts and target), then treatment
/// (a log transform inverted with the run's a, minimum and maximum; a winsorised indicator unchanged between its caps).
/// Null where no raw value says it: rank and percentile-rank normalisation (a rank does not say by how much a value
/// must change), a constant column, a required value beyond a winsorisation cap.
/// </param>
/// <param name="RawChange">RequiredRawValue − CurrentRawValue: negative for an indicator where lower is better; null with it.</param>
public sealed record Improvement(
    string Code,
    double CurrentValue,
    double RequiredValue,
    double Increase,
    int NewRank,
    double CurrentRawValue,
    double? RequiredRawValue,
    double? RawChange);
