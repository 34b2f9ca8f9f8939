namespace OpenDti.IndexEngine.Explanations;

/// <summary>One indicator's part in a unit's score.</summary>
/// <param name="Code">The indicator.</param>
/// <param name="EffectiveWeight">
/// The product, along the path from the aggregate down to the indicator, of each node's weight divided by the sum of the
/// weights of its siblings available for this unit; 0 when the indicator is missing for the unit.
/// </param>
/// <param name="NormalisedValue">The unit's normalised value (NaN when missing).</param>
/// <param name="Contribution">EffectiveWeight × NormalisedValue (0 when missing).</param>
public sealed record IndicatorContribution(string Code, double EffectiveWeight, double NormalisedValue, double Contribution);
