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
    private ColumnSummary(double[] values, double[] ranks)
    {
        Values = values;
        Ranks = ranks;
        (Mean, SumOfSquares) = Centre(values);
        (RankMean, RankSumOfSquares) = Centre(ranks);
    }

    public double[] Values { get; }

    public double Mean { get; }

    public double SumOfSquares { get; }

    public double[] Ranks { get; }

    public double RankMean { get; }

    public double RankSumOfSquares { get; }

    /// <summary>
    /// The summary of <paramref name="column"/>, its ranks written to <paramref name="ranks"/> (<paramref name="order"/> is
    /// scratch; both as long as the column); null when a value is missing (then pairs must be matched one by one).
    /// </summary>
    public static ColumnSummary? Of(double[] column, double[] ranks, int[] order)
    {
        foreach (var v in column)
        {
            if (double.IsNaN(v))
            {
                return null;
            }
        }

        Statistics.Ranks.AscendingAverage(column, ranks, order);
        return new ColumnSummary(column, ranks);
    }

    /// <summary>Pearson's r of <paramref name="x"/> and <paramref name="y"/>; NaN for fewer than 2 units or a constant.</summary>
    public static double Pearson(ColumnSummary x, ColumnSummary y) =>
        Pearson(x.Values, x.Mean, x.SumOfSquares, y.Values, y.Mean, y.SumOfSquares);

    /// <summary>Spearman's ρ: Pearson's r of the average ranks.</summary>
    public static double Spearman(ColumnSummary x, ColumnSummary y) =>
        Pearson(x.Ranks, x.RankMean, x.RankSumOfSquares, y.Ranks, y.RankMean, y.RankSumOfSquares);

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

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
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
        double ss = 0;
        foreach (var v in x)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, ss);
    }
}
