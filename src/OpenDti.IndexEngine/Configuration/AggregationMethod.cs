namespace OpenDti.IndexEngine.Configuration;

/// <summary>How an aggregate is computed from its available children, with weights w (renormalised over those available).</summary>
public enum AggregationMethod
{
    /// <summary>Σ w·x / Σ w (COINr <c>a_amean</c>).</summary>
    Arithmetic,

    /// <summary>exp(Σ w·ln x / Σ w) (COINr <c>a_gmean</c>); a zero child gives 0; a negative child is a problem of the run.</summary>
    Geometric,

    /// <summary>Σ w / Σ (w / x) (COINr <c>a_hmean</c>); a zero child gives 0; a negative child is a problem of the run.</summary>
    Harmonic,

    /// <summary>The median of the available children, weights ignored (R <c>median</c>).</summary>
    Median,
}
