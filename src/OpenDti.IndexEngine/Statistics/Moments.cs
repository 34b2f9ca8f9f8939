namespace OpenDti.IndexEngine.Statistics;

/// <summary>
/// Moments of the available (non-NaN) values, with the definitions of R and COINr: sample standard deviation with n − 1
/// (R <c>sd</c>); skewness and excess kurtosis of type 2 (e1071 <c>type = 2</c>, Excel SKEW and KURT), which COINr's
/// <c>skew</c> and <c>kurt</c> copy.
/// </summary>
internal static class Moments
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>sqrt(Σ (x − x̄)² / (n − 1)); NaN for fewer than 2 values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        double ss = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                ss += (v - mean) * (v - mean);
                n++;
            }
        }

        return n < 2 ? double.NaN : Math.Sqrt(ss / (n - 1));
    }

    /// <summary>
    /// G1 = g1 · sqrt(n(n − 1)) / (n − 2), g1 = sqrt(n) Σd³ / (Σd²)^(3/2), d = x − x̄; NaN for fewer than 3 values, 0 for a constant.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> values) => Skewness(CentralSums(values));

    /// <summary>
    /// G2 = ((n + 1)(r − 3) + 6)(n − 1) / ((n − 2)(n − 3)), r = n Σd⁴ / (Σd²)²; NaN for fewer than 4 values, 0 for a constant.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> values) => Kurtosis(CentralSums(values));

    /// <summary><see cref="Skewness(ReadOnlySpan{double})"/> and <see cref="Kurtosis(ReadOnlySpan{double})"/> from one set of central sums.</summary>
    public static (double Skewness, double Kurtosis) Shape(ReadOnlySpan<double> values)
    {
        var sums = CentralSums(values);
        return (Skewness(sums), Kurtosis(sums));
    }

    private static double Skewness((double N, double S2, double S3, double S4) sums)
    {
        var (n, s2, s3, _) = sums;
        if (n < 3)
        {
            return double.NaN;
        }

        if (s2 == 0)
        {
            return 0;
        }

        var g1 = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return g1 * Math.Sqrt(n * (n - 1)) / (n - 2);
    }

    private static double Kurtosis((double N, double S2, double S3, double S4) sums)
    {
        var (n, s2, _, s4) = sums;
        if (n < 4)
        {
            return double.NaN;
        }

        if (s2 == 0)
        {
            return 0;
        }

        var r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
    }

    private static (double N, double S2, double S3, double S4) CentralSums(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        double n = 0, s2 = 0, s3 = 0, s4 = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            var d = v - mean;
            var d2 = d * d;
            n++;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }

        return (n, s2, s3, s4);
    }
}
