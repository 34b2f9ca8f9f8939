namespace OpenDti.IndexEngine.Configuration;

/// <summary>Screening by data availability (COINr <c>Screen</c> with <c>dat_thresh</c>).</summary>
public sealed record ScreeningOptions
{
    /// <summary>
    /// Minimum share (0 to 1) of indicators a unit must have (before imputation) to stay in; 0 keeps every unit.
    /// A unit is kept when available / indicators ≥ this share.
    /// </summary>
    public double MinDataShare { get; init; }
}
