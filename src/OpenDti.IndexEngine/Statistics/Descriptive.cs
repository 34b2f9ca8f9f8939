namespace OpenDti.IndexEngine.Statistics;

/// <summary>Order statistics and correlations with R's definitions, over the available (non-NaN) values.</summary>
internal static class Descriptive
{
    /// <summary>R <c>median</c>: the middle value, or the mean of the two middle values; NaN when nothing is available.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var available = Available(values);
        if (available.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(available);
        var mid = available.Length / 2;
        return available.Length % 2 == 1 ? available[mid] : (available[mid - 1] + available[mid]) / 2;
    }

    /// <summary>R <c>quantile(type = 7)</c> of sorted values: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) (0-based).</summary>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Pearson's r over the units where both are available (R <c>cor(use = "pairwise.complete.obs")</c>); NaN when undefined.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = Pairs(x, y);
        return PearsonComplete(a, b);
    }

    /// <summary>Spearman's ρ: Pearson's r of the average ranks of the complete pairs (R <c>cor(method = "spearman")</c>).</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = Pairs(x, y);
        return PearsonComplete(Ranks.AscendingAverage(a), Ranks.AscendingAverage(b));
    }

    /// <summary>Sample variance with n − 1 of complete values.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        var sd = Moments.StandardDeviation(values);
        return sd * sd;
    }

    private static double PearsonComplete(double[] a, double[] b)
    {
        if (a.Length < 2)
        {
            return double.NaN;
        }

        var ma = a.Average();
        var mb = b.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }

    private static (double[] A, double[] B) Pairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var a = new List<double>(x.Length);
        var b = new List<double>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                a.Add(x[i]);
                b.Add(y[i]);
            }
        }

        return ([.. a], [.. b]);
    }

    private static double[] Available(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                list.Add(v);
            }
        }

        return [.. list];
    }
}
