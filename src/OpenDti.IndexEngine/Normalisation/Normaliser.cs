using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Normalisation;

/// <summary>Normalisation of one indicator column (COINr <c>Normalise</c>); see <see cref="NormalisationMethod"/> for each formula.</summary>
internal static class Normaliser
{
    /// <summary>
    /// The normalised copy of <paramref name="values"/>. The direction is applied first (x·d, and goalposts and target
    /// likewise), so that after normalisation higher is always better. Missing values stay missing.
    /// </summary>
    public static double[] Normalise(ReadOnlySpan<double> values, int direction, NormalisationOptions options, double? goalLow, double? goalHigh, double? target)
    {
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = values[i] * direction;
        }

        var (low, high) = (options.Low, options.High);
        switch (options.Method)
        {
            case NormalisationMethod.None:
                return x;
            case NormalisationMethod.MinMax:
                var (min, max) = Range(x);
                return Map(x, v => max == min ? (low + high) / 2 : (v - min) / (max - min) * (high - low) + low);
            case NormalisationMethod.ZScore:
                var mean = Moments.Mean(x);
                var sd = Moments.StandardDeviation(x);
                return Map(x, v => sd is 0 or double.NaN ? options.Mean : (v - mean) / sd * options.StandardDeviation + options.Mean);
            case NormalisationMethod.Rank:
                return Ranks.AscendingMin(x);
            case NormalisationMethod.PercentileRank:
                var ranks = Ranks.AscendingMin(x);
                var n = x.Count(v => !double.IsNaN(v));
                return Map(ranks, r => n < 2 ? high : (r - 1) / (n - 1) * (high - low) + low);
            case NormalisationMethod.Goalposts:
                // after negating a −1 indicator, its upper goalpost is the worst value: the goalposts swap
                var lo = Math.Min(Required(goalLow) * direction, Required(goalHigh) * direction);
                var hi = Math.Max(Required(goalLow) * direction, Required(goalHigh) * direction);
                return Map(x, v => Math.Clamp((v - lo) / (hi - lo), 0, 1) * (high - low) + low);
            case NormalisationMethod.DistanceToTarget:
                var t = Required(target) * direction;
                var floor = Range(x).Min;
                return Map(x, v => (t == floor ? 1 : Math.Clamp((v - floor) / (t - floor), 0, 1)) * (high - low) + low);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Method, null);
        }
    }

    private static double Required(double? value) =>
        value ?? throw new InvalidOperationException("Goalposts and targets are checked before normalisation.");

    private static (double Min, double Max) Range(double[] x)
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

    private static double[] Map(double[] x, Func<double, double> f)
    {
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = double.IsNaN(x[i]) ? double.NaN : f(x[i]);
        }

        return result;
    }
}
