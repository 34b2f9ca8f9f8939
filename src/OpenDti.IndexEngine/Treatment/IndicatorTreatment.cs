namespace OpenDti.IndexEngine.Treatment;

/// <summary>What outlier treatment did to one indicator (COINr <c>Treat</c>'s <c>Dets_Table</c>).</summary>
/// <param name="Code">The indicator.</param>
/// <param name="WinsorisedPoints">How many values were winsorised (0 when log-transformed instead).</param>
/// <param name="LogTransformed">Whether the indicator was log-transformed because winsorisation was not enough.</param>
/// <param name="SkewnessBefore">Type-2 skewness before treatment (NaN with fewer than 3 values).</param>
/// <param name="KurtosisBefore">Type-2 excess kurtosis before treatment (NaN with fewer than 4 values).</param>
/// <param name="SkewnessAfter">Type-2 skewness after treatment.</param>
/// <param name="KurtosisAfter">Type-2 excess kurtosis after treatment.</param>
public sealed record IndicatorTreatment(
    string Code,
    int WinsorisedPoints,
    bool LogTransformed,
    double SkewnessBefore,
    double KurtosisBefore,
    double SkewnessAfter,
    double KurtosisAfter);
