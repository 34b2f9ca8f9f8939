namespace OpenDti.IndexEngine.Configuration;

/// <summary>
/// Outlier treatment as in COINr's <c>Treat</c> default: an indicator fails when |skewness| ≥ <see cref="SkewThreshold"/>
/// and kurtosis ≥ <see cref="KurtosisThreshold"/> (COINr <c>check_SkewKurt</c>); a failing indicator is winsorised one
/// point at a time (the most extreme value on the side of the skew is set to the next one) until it passes or
/// <see cref="MaxWinsorisedPoints"/> points are treated; if it still fails, the original values are log-transformed instead
/// (COINr <c>log_CT_plus</c>).
/// </summary>
public sealed record TreatmentOptions
{
    /// <summary>Whether outliers are treated; off by default.</summary>
    public bool Enabled { get; init; }

    /// <summary>Absolute skewness threshold (COINr default 2).</summary>
    public double SkewThreshold { get; init; } = 2;

    /// <summary>Excess-kurtosis threshold (COINr default 3.5).</summary>
    public double KurtosisThreshold { get; init; } = 3.5;

    /// <summary>Most points winsorised per indicator (COINr <c>winmax</c>, default 5).</summary>
    public int MaxWinsorisedPoints { get; init; } = 5;

    /// <summary>Whether to log-transform when winsorisation is not enough (default true).</summary>
    public bool LogIfStillSkewed { get; init; } = true;
}
