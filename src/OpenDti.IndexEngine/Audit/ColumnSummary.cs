using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Audit;

/// <summary>
/// What every correlation involving one complete node column (no missing value, the usual case after imputation) needs,
/// computed once per node rather than once per pair: the mean and centred sum of squares of the values and of their
/// average ranks. With these, Pearson's r of two complete columns is one pass over the units, and Spearman's ρ is the
/// same pass over the ranks; the sums are accumulated in the order <see cref="Descriptive.Pearson"/> uses, so the
/// result is the same to the last bit. The ranks live in a buffer the caller owns: an indicator's summary is needed
/// only for its own correlations, so one buffer per thread serves them all.
/// </summary>
internal sealed class ColumnSummary
{
    private ColumnSummary(double[] values, double mean, double[] ranks)
    {
        Values = values;
        Ranks = ranks;
        (Mean, SumOfSquares) = (mean, Squares(values, mean));
        (RankMean, RankSumOfSquares) = RankCentre(ranks);
    }

    public double[] Values { get; }

    public double Mean { get; }

    public double SumOfSquares { get; }

    public double[] Ranks { get; }

    public double RankMean { get; }

    public double RankSumOfSquares { get; }

    /// <summary>The sample variance exactly as <see cref="Descriptive.Variance"/> computes it: (√(SS / (n − 1)))².</summary>
    public double Variance
    {
        get
        {
            var sd = Values.Length < 2 ? double.NaN : Math.Sqrt(SumOfSquares / (Values.Length - 1));
            return sd * sd;
        }
    }

    /// <summary>
    /// The summary of <paramref name="column"/>, its ranks written to <paramref name="ranks"/> (<paramref name="scratch"/>
    /// is for sorting; all as long as the column); null when a value is missing (then pairs must be matched one by one).
    /// </summary>
    public static ColumnSummary? Of(double[] column, double[] ranks, SortScratch scratch)
    {
        // one pass finds a missing value, the sum for the mean and the range for the sort
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in column)
        {
            if (double.IsNaN(v))
            {
                return null;
            }

            sum += v;
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        Statistics.Ranks.AscendingAverage(column, ranks, scratch.Order, scratch.Sorted, (min, max));
        return new ColumnSummary(column, sum / column.Length, ranks);
    }

    /// <summary>Pearson's r of <paramref name="x"/> and <paramref name="y"/>; NaN for fewer than 2 units or a constant.</summary>
    public static double Pearson(ColumnSummary x, ColumnSummary y) =>
        Pearson(x.Values, x.Mean, x.SumOfSquares, y.Values, y.Mean, y.SumOfSquares);

    /// <summary>Spearman's ρ: Pearson's r of the average ranks.</summary>
    public static double Spearman(ColumnSummary x, ColumnSummary y) =>
        Pearson(x.Ranks, x.RankMean, x.RankSumOfSquares, y.Ranks, y.RankMean, y.RankSumOfSquares);

    /// <summary>
    /// Pearson's r and Spearman's ρ of <paramref name="x"/> with <paramref name="parent"/> and with <paramref name="index"/>
    /// in one pass over the units instead of four; each sum still runs in unit order, so every value is the one
    /// <see cref="Pearson(ColumnSummary, ColumnSummary)"/> and <see cref="Spearman"/> give.
    /// </summary>
    public static (double PearsonWithParent, double SpearmanWithParent, double PearsonWithIndex, double SpearmanWithIndex) Correlate(
        ColumnSummary x, ColumnSummary parent, ColumnSummary index)
    {
        var n = x.Values.Length;
        if (n < 2)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var (xv, xr, pv, pr, iv, ir) = (x.Values, x.Ranks, parent.Values, parent.Ranks, index.Values, index.Ranks);
        double sp = 0, rp = 0, si = 0, ri = 0;
        for (var u = 0; u < n; u++)
        {
            var dx = xv[u] - x.Mean;
            var dr = xr[u] - x.RankMean;
            sp += dx * (pv[u] - parent.Mean);
            rp += dr * (pr[u] - parent.RankMean);
            si += dx * (iv[u] - index.Mean);
            ri += dr * (ir[u] - index.RankMean);
        }

        return (
            R(sp, x.SumOfSquares, parent.SumOfSquares),
            R(rp, x.RankSumOfSquares, parent.RankSumOfSquares),
            R(si, x.SumOfSquares, index.SumOfSquares),
            R(ri, x.RankSumOfSquares, index.RankSumOfSquares));
    }

    private static double R(double sxy, double sxx, double syy) => sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);

    private static double Pearson(double[] x, double mx, double sxx, double[] y, double my, double syy)
    {
        if (x.Length < 2)
        {
            return double.NaN;
        }

        double sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
        }

        return R(sxy, sxx, syy);
    }

    /// <summary>The mean (a plain left-to-right sum, as <see cref="Enumerable.Average(IEnumerable{double})"/>) and Σ (x − x̄)².</summary>
    private static (double Mean, double SumOfSquares) Centre(double[] x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v;
        }

        var mean = sum / x.Length;
        return (mean, Squares(x, mean));
    }

    private static double Squares(double[] x, double mean)
    {
        double ss = 0;
        foreach (var v in x)
        {
            ss += (v - mean) * (v - mean);
        }

        return ss;
    }

    /// <summary>
    /// <see cref="Centre"/> of average ranks with one pass instead of two: average ranks are multiples of ½ summing to
    /// n (n + 1) / 2, so every partial sum of the first pass is exact (below 2⁵² for n below 90 million) and the mean is
    /// (n + 1) / 2 to the bit.
    /// </summary>
    private static (double Mean, double SumOfSquares) RankCentre(double[] ranks)
    {
        var n = ranks.Length;
        if (n >= 90_000_000)
        {
            return Centre(ranks);
        }

        var mean = n * (n + 1.0) / 2 / n;
        double ss = 0;
        foreach (var r in ranks)
        {
            ss += (r - mean) * (r - mean);
        }

        return (mean, ss);
    }

    /// <summary>Buffers for one sort of a column of <paramref name="units"/> values.</summary>
    internal sealed class SortScratch(int units)
    {
        public int[] Order { get; } = new int[units];

        public double[] Sorted { get; } = new double[units];
    }
}
