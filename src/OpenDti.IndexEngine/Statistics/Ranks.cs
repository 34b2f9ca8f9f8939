using System.Buffers;

namespace OpenDti.IndexEngine.Statistics;

/// <summary>Ranks of the available (non-NaN) values; NaN values get no rank.</summary>
internal static class Ranks
{
    /// <summary>
    /// Competition ranks, highest value first, ties sharing the best rank (1, 2, 2, 4), as R
    /// <c>rank(-x, ties.method = "min", na.last = "keep")</c>; 0 marks a missing value. Scores closer than
    /// 1e-9 · max(1, |x|) are ties, so that rounding noise (49.999999999999993 against 50) does not split them:
    /// rankᵢ = 1 + #{j : xⱼ &gt; xᵢ + 1e-9 · max(1, |xᵢ|)}.
    /// </summary>
    public static void Descending(ReadOnlySpan<double> values, Span<int> ranks)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                ranks[i] = 0;
                continue;
            }

            var threshold = Threshold(values[i]);
            var better = 1;
            for (var j = 0; j < values.Length; j++)
            {
                if (values[j] > threshold)
                {
                    better++;
                }
            }

            ranks[i] = better;
        }
    }

    /// <summary>
    /// The same ranks in O(n log n), for large tables: the available values in ascending order, then one sweep in that
    /// order for the first value above each threshold. The sweep starts from the previous answer and steps either
    /// way, so it is exact even where rounding made the threshold fail to grow with the value.
    /// </summary>
    public static int[] DescendingSorted(ReadOnlySpan<double> values)
    {
        var ranks = new int[values.Length];
        DescendingSorted(values, ranks);
        return ranks;
    }

    /// <summary>The same ranks into <paramref name="ranks"/>, with pooled scratch: a Monte Carlo worker ranks thousands of times.</summary>
    public static void DescendingSorted(ReadOnlySpan<double> values, Span<int> ranks)
    {
        var positions = ArrayPool<int>.Shared.Rent(values.Length);
        var sorted = ArrayPool<double>.Shared.Rent(values.Length);
        var m = AvailableInOrder(values, positions, sorted);
        ranks.Clear();
        var above = 0;
        for (var k = 0; k < m; k++)
        {
            var threshold = Threshold(sorted[k]);
            while (above < m && sorted[above] <= threshold)
            {
                above++;
            }

            while (above > 0 && sorted[above - 1] > threshold)
            {
                above--;
            }

            ranks[positions[k]] = 1 + (m - above);
        }

        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<double>.Shared.Return(sorted);
    }

    /// <summary>Ranks lowest first, ties at the lowest rank (R <c>rank(x, ties.method = "min")</c>); NaN stays NaN.</summary>
    public static double[] AscendingMin(ReadOnlySpan<double> values)
    {
        var positions = ArrayPool<int>.Shared.Rent(values.Length);
        var sorted = ArrayPool<double>.Shared.Rent(values.Length);
        var m = AvailableInOrder(values, positions, sorted);
        var result = new double[values.Length];
        Array.Fill(result, double.NaN);
        for (var k = 0; k < m; k++)
        {
            result[positions[k]] = k > 0 && sorted[k] == sorted[k - 1] ? result[positions[k - 1]] : k + 1;
        }

        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<double>.Shared.Return(sorted);
        return result;
    }

    /// <summary>Ranks lowest first, ties at their mean rank (R <c>rank(x, ties.method = "average")</c>), over all given values (none NaN).</summary>
    public static double[] AscendingAverage(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        AscendingAverage(values, result, new int[values.Length], new double[values.Length]);
        return result;
    }

    /// <summary>
    /// The same ranks into <paramref name="result"/>, with <paramref name="order"/> and <paramref name="sorted"/> as
    /// scratch, all as long as <paramref name="values"/>; <paramref name="range"/> is the minimum and maximum when known.
    /// </summary>
    public static void AscendingAverage(ReadOnlySpan<double> values, Span<double> result, Span<int> order, Span<double> sorted, (double Min, double Max)? range = null)
    {
        SortOrder.Ascending(values, order, sorted, range);
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                result[order[k]] = rank;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Writes the positions of the available values, in ascending order of value, to <paramref name="positions"/> and
    /// those values in that order to <paramref name="sorted"/> (both at least as long as the column); returns how many.
    /// </summary>
    private static int AvailableInOrder(ReadOnlySpan<double> values, Span<int> positions, Span<double> sorted)
    {
        var available = ArrayPool<double>.Shared.Rent(values.Length);
        var index = ArrayPool<int>.Shared.Rent(values.Length);
        var m = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                index[m] = i;
                available[m] = values[i];
                m++;
            }
        }

        SortOrder.Ascending(available.AsSpan(0, m), positions[..m], sorted[..m]);
        for (var k = 0; k < m; k++)
        {
            positions[k] = index[positions[k]];
        }

        ArrayPool<double>.Shared.Return(available);
        ArrayPool<int>.Shared.Return(index);
        return m;
    }

    private static double Threshold(double x) => x + (1e-9 * Math.Max(1, Math.Abs(x)));
}
