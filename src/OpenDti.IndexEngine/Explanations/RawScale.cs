using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>
/// A normalised value of one indicator taken back to the indicator's own units with the run's parameters held
/// fixed: the inverse of normalisation, then of outlier treatment, where each is invertible (see
/// <see cref="Improvement.RequiredRawValue"/>).
/// </summary>
internal static class RawScale
{
    /// <summary>The raw value of indicator <paramref name="k"/> (metadata indicator order) whose normalised value is <paramref name="normalised"/>; null when not invertible.</summary>
    public static double? ToRaw(IndexResult result, int k, double normalised)
    {
        var node = result.Metadata.Nodes[result.Metadata.Indicators[k]];
        var d = node.Direction;
        var o = result.Config.Normalisation;
        var x = Directed(result.Treated.Columns[k].AsSpan(), d);
        var share = (normalised - o.Low) / (o.High - o.Low);
        double? directed = o.Method switch
        {
            NormalisationMethod.None => normalised,
            NormalisationMethod.MinMax => Range(x) is var (min, max) && max > min ? (share * (max - min)) + min : null,
            NormalisationMethod.ZScore => Moments.StandardDeviation(x) is var sd && sd > 0
                ? ((normalised - o.Mean) / o.StandardDeviation * sd) + Moments.Mean(x)
                : null,
            NormalisationMethod.Goalposts => Goalposts(node.GoalpostLow!.Value * d, node.GoalpostHigh!.Value * d, share),
            NormalisationMethod.DistanceToTarget => Range(x).Min is var floor && node.Target!.Value * d is var t && t != floor
                ? (share * (t - floor)) + floor
                : null,
            _ => null,
        };
        return directed is { } v ? Untreat(result, k, v * d) : null;
    }

    private static double Goalposts(double a, double b, double share) => (share * (Math.Max(a, b) - Math.Min(a, b))) + Math.Min(a, b);

    /// <summary>The inverse of <see cref="Treatment.OutlierTreatment.Treat"/> with the run's parameters.</summary>
    private static double? Untreat(IndexResult result, int k, double treated)
    {
        var report = result.Treatments[k];
        if (report.LogTransformed)
        {
            // ln(x − min + a) for positive skew, −ln(max + a − x) for negative, a = 0.01 (max − min) of the imputed column
            var (min, max) = Range(result.Imputed.Columns[k].AsSpan());
            var a = 0.01 * (max - min);
            return report.SkewnessBefore >= 0 ? Math.Exp(treated) + min - a : max + a - Math.Exp(-treated);
        }

        if (report.WinsorisedPoints == 0)
        {
            return treated;
        }

        // between the caps (the treated column's range) winsorisation is the identity; beyond them nothing reaches the value
        var (low, high) = Range(result.Treated.Columns[k].AsSpan());
        var slack = 1e-9 * Math.Max(1, high - low);
        return treated >= low - slack && treated <= high + slack ? treated : null;
    }

    private static double[] Directed(ReadOnlySpan<double> values, int direction)
    {
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = values[i] * direction;
        }

        return x;
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> x)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return (min, max);
    }
}
