namespace OpenDti.Domain.Targets;

/// <summary>
/// Judges progress towards a target from a unit's values, with the growth-rate method of the UN Statistics
/// Division's SDG Progress Chart: the pace seen since the baseline (compound annual growth rate) is divided by
/// the pace needed to reach the target in its deadline year, and the ratio gives the status — on track from
/// 0.95, at risk from 0.5, off track below (or when moving away from the target). Where a value or the target
/// is zero or negative, a growth rate means nothing, and annual changes are compared instead. The forecast
/// continues the trend of all values (a straight line, on the logarithm for growth rates) to the deadline,
/// with a 95 % prediction interval once there are three values. The full method is in docs/targets.md.
/// </summary>
public static class ProgressAssessment
{
    /// <summary>The pace ratio from which a unit is on track.</summary>
    public const double OnTrackRatio = 0.95;

    /// <summary>The pace ratio from which a unit is at risk rather than off track.</summary>
    public const double AtRiskRatio = 0.5;

    /// <summary>For "exactly" targets: within this share of the target counts as meeting it.</summary>
    public const double ExactTolerance = 0.005;

    /// <summary>Assesses <paramref name="values"/> against a target.</summary>
    /// <param name="values">The unit's values, any order; one per year (a repeated year keeps the last).</param>
    /// <param name="baseline">The stated baseline, if any; otherwise the earliest value serves.</param>
    /// <param name="target">The target value.</param>
    /// <param name="comparison">How the value is held against the target.</param>
    /// <param name="deadlineYear">The year by which the target is to be met.</param>
    /// <param name="currentYear">The year of the assessment: a deadline before it that is unmet is off track.</param>
    public static TargetProgress Assess(
        IEnumerable<Observation> values, Observation? baseline, double target, TargetComparison comparison, int deadlineYear, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(values);
        var series = values.Where(v => double.IsFinite(v.Value))
            .GroupBy(v => v.Year).Select(g => g.Last()).OrderBy(v => v.Year).ToList();
        if (series.Count == 0)
        {
            return new TargetProgress { Status = TargetStatus.NoData };
        }

        var latest = series[^1];
        var start = baseline is { } stated && stated.Year < latest.Year ? stated : series[0];
        var share = Share(latest.Value, target, comparison);
        if (Meets(latest.Value, target, comparison))
        {
            return new TargetProgress { Status = TargetStatus.Achieved, Latest = latest, Baseline = start, ShareAchieved = share };
        }

        var (forecast, low, high) = Forecast(series, deadlineYear);
        var result = new TargetProgress
        {
            Status = TargetStatus.NoData,
            Latest = latest,
            Baseline = start.Year < latest.Year ? start : null,
            ShareAchieved = share,
            Forecast = forecast,
            ForecastLow = low,
            ForecastHigh = high,
        };
        if (deadlineYear < currentYear || deadlineYear <= start.Year)
        {
            return result with { Status = TargetStatus.OffTrack };
        }

        if (start.Year >= latest.Year)
        {
            return result;
        }

        var direction = comparison switch
        {
            TargetComparison.AtLeast or TargetComparison.MoreThan => 1,
            TargetComparison.AtMost => -1,
            _ => target >= start.Value ? 1 : -1,
        };
        var useGrowth = start.Value > 0 && latest.Value > 0 && target > 0;
        var observed = useGrowth
            ? Math.Pow(latest.Value / start.Value, 1.0 / (latest.Year - start.Year)) - 1
            : (latest.Value - start.Value) / (latest.Year - start.Year);
        var required = useGrowth
            ? Math.Pow(target / start.Value, 1.0 / (deadlineYear - start.Year)) - 1
            : (target - start.Value) / (deadlineYear - start.Year);
        result = result with { PaceMethod = useGrowth ? "cagr" : "linear", ObservedPace = observed, RequiredPace = required };

        // The baseline already met the target (or needed no change) and the latest value no longer does: it fell back.
        if (required * direction <= 0)
        {
            return result with { Status = TargetStatus.OffTrack };
        }

        var ratio = observed / required;
        var status = ratio >= OnTrackRatio ? TargetStatus.OnTrack : ratio >= AtRiskRatio ? TargetStatus.AtRisk : TargetStatus.OffTrack;
        return result with { PaceRatio = ratio, Status = status };
    }

    /// <summary>True when <paramref name="value"/> meets <paramref name="target"/>.</summary>
    public static bool Meets(double value, double target, TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => value >= target,
        TargetComparison.AtMost => value <= target,
        TargetComparison.MoreThan => value > target,
        _ => Math.Abs(value - target) <= ExactTolerance * Math.Max(Math.Abs(target), 1e-12),
    };

    private static double? Share(double value, double target, TargetComparison comparison)
    {
        double? share = comparison switch
        {
            TargetComparison.AtLeast or TargetComparison.MoreThan => target != 0 ? value / target : null,
            TargetComparison.AtMost => value > 0 ? target / value : value <= target ? 1 : null,
            _ => target != 0 ? 1 - (Math.Abs(value - target) / Math.Abs(target)) : null,
        };
        return share is { } s ? Math.Clamp(s, 0, 1) : null;
    }

    /// <summary>The trend to the deadline: a least-squares line on the values (or their logarithms when all are positive).</summary>
    private static (double? Value, double? Low, double? High) Forecast(List<Observation> series, int deadlineYear)
    {
        if (series.Count < 2 || deadlineYear <= series[^1].Year)
        {
            return (null, null, null);
        }

        var log = series.All(v => v.Value > 0);
        var xs = series.Select(v => (double)v.Year).ToArray();
        var ys = series.Select(v => log ? Math.Log(v.Value) : v.Value).ToArray();
        var n = xs.Length;
        var meanX = xs.Average();
        var meanY = ys.Average();
        var sxx = xs.Sum(x => (x - meanX) * (x - meanX));
        var slope = xs.Zip(ys).Sum(p => (p.First - meanX) * (p.Second - meanY)) / sxx;
        var intercept = meanY - (slope * meanX);
        var predicted = intercept + (slope * deadlineYear);
        double? low = null;
        double? high = null;
        if (n >= 3)
        {
            var residual = xs.Zip(ys).Sum(p => Math.Pow(p.Second - (intercept + (slope * p.First)), 2));
            var s = Math.Sqrt(residual / (n - 2));
            var half = StudentT975(n - 2) * s * Math.Sqrt(1 + (1.0 / n) + (Math.Pow(deadlineYear - meanX, 2) / sxx));
            (low, high) = (Back(predicted - half, log), Back(predicted + half, log));
        }

        return (Back(predicted, log), low, high);
    }

    private static double Back(double y, bool log) => log ? Math.Exp(y) : y;

    /// <summary>The 97.5th percentile of Student's t with <paramref name="df"/> degrees of freedom (two-sided 95 %), exact to df 10.</summary>
    internal static double StudentT975(int df) => df switch
    {
        1 => 12.706,
        2 => 4.303,
        3 => 3.182,
        4 => 2.776,
        5 => 2.571,
        6 => 2.447,
        7 => 2.365,
        8 => 2.306,
        9 => 2.262,
        10 => 2.228,
        // Between tabulated rows, the smaller df's value: the interval errs on the wide side.
        <= 15 => 2.201,
        <= 20 => 2.131,
        <= 30 => 2.086,
        <= 60 => 2.042,
        _ => 2.000,
    };
}
