namespace OpenDti.IndexEngine.Explanations;

/// <summary>How one indicator's contribution changed between two runs.</summary>
/// <param name="Code">The indicator.</param>
/// <param name="Before">Contribution in the first run.</param>
/// <param name="After">Contribution in the second run.</param>
/// <param name="Change">After − Before.</param>
public sealed record IndicatorChange(string Code, double Before, double After, double Change);
