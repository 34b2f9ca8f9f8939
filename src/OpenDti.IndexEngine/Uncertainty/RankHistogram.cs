namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// Counts of each rank per unit: memory units × units, whatever the number of replications, and integer sums, so
/// merging the workers' counts in any order gives the same result.
/// </summary>
internal sealed class RankHistogram(int units)
{
    private readonly long[] _counts = new long[units * (units + 1)];

    public void Add(ReadOnlySpan<int> ranks)
    {
        for (var u = 0; u < ranks.Length; u++)
        {
            if (ranks[u] > 0)
            {
                _counts[(u * (units + 1)) + ranks[u]]++;
            }
        }
    }

    public void Merge(RankHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>R <c>quantile(type = 7)</c> of unit <paramref name="unit"/>'s ranks; NaN when it was never ranked.</summary>
    public double Quantile(int unit, double p)
    {
        var row = _counts.AsSpan(unit * (units + 1), units + 1);
        long total = 0;
        foreach (var c in row)
        {
            total += c;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        var h = (total - 1) * p;
        var lo = (long)Math.Floor(h);
        var a = OrderStatistic(row, lo);
        var b = OrderStatistic(row, Math.Min(lo + 1, total - 1));
        return a + ((h - lo) * (b - a));
    }

    /// <summary>The rank at 0-based position <paramref name="index"/> of the sorted ranks.</summary>
    private static int OrderStatistic(ReadOnlySpan<long> row, long index)
    {
        long seen = 0;
        for (var r = 1; r < row.Length; r++)
        {
            seen += row[r];
            if (seen > index)
            {
                return r;
            }
        }

        return row.Length - 1;
    }
}
