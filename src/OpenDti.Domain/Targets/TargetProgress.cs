namespace OpenDti.Domain.Targets;

/// <summary>
/// A unit's progress towards a target: the latest value, how much of the way from the baseline it has come,
/// the paces seen and needed, the status, and a forecast to the deadline.
/// </summary>
public sealed record TargetProgress
{
    /// <summary>The status.</summary>
    public required TargetStatus Status { get; init; }

    /// <summary>The latest observation, when there is one.</summary>
    public Observation? Latest { get; init; }

    /// <summary>The observation the pace is measured from (the stated baseline, or the earliest value).</summary>
    public Observation? Baseline { get; init; }

    /// <summary>
    /// The latest value as a share of the target (value ÷ target for "at least"; target ÷ value for "at most"),
    /// capped at 1 when achieved; null without data or with a zero denominator.
    /// </summary>
    public double? ShareAchieved { get; init; }

    /// <summary>"cagr" (compound annual growth rate) or "linear" (annual change) — how the paces are measured.</summary>
    public string? PaceMethod { get; init; }

    /// <summary>The pace seen from the baseline to the latest value (a rate for CAGR, units a year for linear).</summary>
    public double? ObservedPace { get; init; }

    /// <summary>The pace needed from the baseline to reach the target in its deadline year.</summary>
    public double? RequiredPace { get; init; }

    /// <summary>Observed ÷ required pace: 1 means exactly on pace; the status thresholds are 0.95 and 0.5.</summary>
    public double? PaceRatio { get; init; }

    /// <summary>The value expected in the deadline year if the trend seen continues.</summary>
    public double? Forecast { get; init; }

    /// <summary>The lower end of the 95 % prediction interval of <see cref="Forecast"/> (three values or more).</summary>
    public double? ForecastLow { get; init; }

    /// <summary>The upper end of the 95 % prediction interval of <see cref="Forecast"/> (three values or more).</summary>
    public double? ForecastHigh { get; init; }

    /// <summary>
    /// The same progress with the forecast and its interval kept within what the unit of measure allows: a share in
    /// per cent lies between 0 and 100, however steep the trend (a straight line runs past 100 % within years).
    /// </summary>
    public TargetProgress WithinBoundsOf(string? unitOfMeasure) => unitOfMeasure?.Trim() == "%"
        ? this with { Forecast = Clamp(Forecast), ForecastLow = Clamp(ForecastLow), ForecastHigh = Clamp(ForecastHigh) }
        : this;

    private static double? Clamp(double? value) => value is { } v ? Math.Clamp(v, 0, 100) : null;
}
