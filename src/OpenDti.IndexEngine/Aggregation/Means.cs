using OpenDti.IndexEngine.Configuration;

namespace OpenDti.IndexEngine.Aggregation;

/// <summary>The weighted means of <see cref="AggregationMethod"/>; weights are divided by their sum.</summary>
internal static class Means
{
    /// <summary>The mean of <paramref name="x"/> with weights <paramref name="w"/>; NaN when the weights sum to 0 or a value is negative where that is undefined.</summary>
    public static double Of(AggregationMethod method, Span<double> x, ReadOnlySpan<double> w)
    {
        double sw = 0;
        foreach (var wi in w)
        {
            sw += wi;
        }

        if (sw <= 0)
        {
            return double.NaN;
        }

        switch (method)
        {
            case AggregationMethod.Arithmetic:
                double s = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    s += w[i] * x[i];
                }

                return s / sw;
            case AggregationMethod.Geometric:
                double logs = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    if (x[i] < 0)
                    {
                        return double.NaN;
                    }

                    // a zero child with positive weight makes the product, hence the mean, zero
                    if (x[i] == 0 && w[i] > 0)
                    {
                        return 0;
                    }

                    logs += w[i] == 0 ? 0 : w[i] * Math.Log(x[i]);
                }

                return Math.Exp(logs / sw);
            case AggregationMethod.Harmonic:
                double inv = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    if (x[i] < 0)
                    {
                        return double.NaN;
                    }

                    if (x[i] == 0 && w[i] > 0)
                    {
                        return 0;
                    }

                    inv += w[i] == 0 ? 0 : w[i] / x[i];
                }

                return sw / inv;
            case AggregationMethod.Median:
                x.Sort();
                var m = x.Length / 2;
                return x.Length % 2 == 1 ? x[m] : (x[m - 1] + x[m]) / 2;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }
}
