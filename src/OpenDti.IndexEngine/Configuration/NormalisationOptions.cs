namespace OpenDti.IndexEngine.Configuration;

/// <summary>Normalisation of every indicator with one method.</summary>
public sealed record NormalisationOptions
{
    /// <summary>The method; min-max by default.</summary>
    public NormalisationMethod Method { get; init; } = NormalisationMethod.MinMax;

    /// <summary>Lower end of the scale for min-max, percentile rank, goalposts and distance to target (default 0).</summary>
    public double Low { get; init; }

    /// <summary>Upper end of the scale (default 100).</summary>
    public double High { get; init; } = 100;

    /// <summary>Target mean for z-scores (default 0).</summary>
    public double Mean { get; init; }

    /// <summary>Target standard deviation for z-scores (default 1).</summary>
    public double StandardDeviation { get; init; } = 1;
}
