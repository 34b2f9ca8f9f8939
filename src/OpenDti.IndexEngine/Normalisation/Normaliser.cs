using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Normalisation;

/// <summary>Normalisation of one indicator column (COINr <c>Normalise</c>); see <see cref="NormalisationMethod"/> for each formula.</summary>
internal static class Normaliser
{
    /// <summary>
    /// The normalised copy of <paramref name="values"/>. The direction is applied first (x·d, and goalposts and target
    /// likewise), so that after normalisation higher is always better. Missing values stay missing. One array is
    /// allocated and transformed in place (no delegate per value): the large benchmark normalises 664,200 values.
    /// </summary>
    public static double[] Normalise(ReadOnlySpan<double> values, int direction, NormalisationOptions options, double? goalLow, double? goalHigh, double? target)
    {
        // the direction is applied, and the range found, in one pass; every value is written, so the array is not zeroed first
        var x = GC.AllocateUninitializedArray<double>(values.Length);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = values[i] * direction;
            if (!double.IsNaN(x[i]))
            {
                min = Math.Min(min, x[i]);
                max = Math.Max(max, x[i]);
            }
        }

        var (low, high) = (options.Low, options.High);
        switch (options.Method)
        {
            case NormalisationMethod.None:
                return x;
            case NormalisationMethod.MinMax:
                if (max == min)
                {
                    return Fill(x, (low + high) / 2);
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!double.IsNaN(x[i]))
                    {
                        x[i] = (x[i] - min) / (max - min) * (high - low) + low;
                    }
                }

                return x;
            case NormalisationMethod.ZScore:
                var mean = Moments.Mean(x);
                var sd = Moments.StandardDeviation(x);
                if (sd is 0 or double.NaN)
                {
                    return Fill(x, options.Mean);
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!double.IsNaN(x[i]))
                    {
                        x[i] = (x[i] - mean) / sd * options.StandardDeviation + options.Mean;
                    }
                }

                return x;
            case NormalisationMethod.Rank:
                return Ranks.AscendingMin(x);
            case NormalisationMethod.PercentileRank:
                return PercentileRank(x, low, high);
            case NormalisationMethod.Goalposts:
                // after negating a −1 indicator, its upper goalpost is the worst value: the goalposts swap
                var lo = Math.Min(Required(goalLow) * direction, Required(goalHigh) * direction);
                var hi = Math.Max(Required(goalLow) * direction, Required(goalHigh) * direction);
                for (var i = 0; i < x.Length; i++)
                {
                    if (!double.IsNaN(x[i]))
                    {
                        x[i] = Math.Clamp((x[i] - lo) / (hi - lo), 0, 1) * (high - low) + low;
                    }
                }

                return x;
            case NormalisationMethod.DistanceToTarget:
                var t = Required(target) * direction;
                var floor = min;
                for (var i = 0; i < x.Length; i++)
                {
                    if (!double.IsNaN(x[i]))
                    {
                        x[i] = (t == floor ? 1 : Math.Clamp((x[i] - floor) / (t - floor), 0, 1)) * (high - low) + low;
                    }
                }

                return x;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Method, null);
        }
    }

    private static double[] PercentileRank(double[] x, double low, double high)
    {
        var ranks = Ranks.AscendingMin(x);
        var n = 0;
        foreach (var v in x)
        {
            n += double.IsNaN(v) ? 0 : 1;
        }

        for (var i = 0; i < ranks.Length; i++)
        {
            if (!double.IsNaN(ranks[i]))
            {
                ranks[i] = n < 2 ? high : (ranks[i] - 1) / (n - 1) * (high - low) + low;
            }
        }

        return ranks;
    }

    private static double Required(double? value) =>
        value ?? throw new InvalidOperationException("Goalposts and targets are checked before normalisation.");

    private static double[] Fill(double[] x, double value)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                x[i] = value;
            }
        }

        return x;
    }
}
