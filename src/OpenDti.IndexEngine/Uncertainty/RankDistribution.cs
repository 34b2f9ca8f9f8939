using System.Buffers;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// Every unit's ranks over the Monte Carlo evaluations, kept exactly so that their quantiles are exact. Of the two
/// exact layouts it takes the smaller, so memory is units × min(evaluations, units + 1) integers:
/// <list type="bullet">
/// <item>evaluations ≤ units + 1: each evaluation's rank of each unit (units × evaluations), written to its own slot;</item>
/// <item>otherwise: per unit, a count of each rank 1 … units (units × (units + 1)), incremented atomically.</item>
/// </list>
/// For a fixed number of runs memory is linear in the number of units, and it never exceeds the per-unit counts that
/// more runs would need. Both layouts are filled in any order by any thread and give the same order statistics.
/// Counts of up to 2²⁰ cells (about 1,000 units, 4 MB) are kept per worker instead and summed at the end: on the
/// 34-unit example, two threads incrementing shared counts atomically made 10,000 evaluations about a fifth slower.
/// </summary>
internal sealed class RankDistribution
{
    private const int PrivateCountsUpTo = 1 << 20;

    private readonly int _units;
    private readonly int _evaluations;
    private readonly int[]? _ranks;
    private readonly int[]? _counts;
    private readonly bool _private;

    public RankDistribution(int units, int evaluations)
        : this(units, evaluations, isPrivate: false)
    {
    }

    private RankDistribution(int units, int evaluations, bool isPrivate)
    {
        _units = units;
        _evaluations = evaluations;
        _private = isPrivate;
        if (evaluations <= units + 1)
        {
            _ranks = new int[checked(units * evaluations)];
        }
        else
        {
            _counts = new int[checked(units * (units + 1))];
        }
    }

    /// <summary>The integers held: units × min(evaluations, units + 1).</summary>
    public long Cells => (_ranks ?? _counts)!.LongLength;

    /// <summary>Where one worker records: its own counts while they are small (see the class), otherwise this, shared.</summary>
    public RankDistribution ForWorker() =>
        _counts is { Length: <= PrivateCountsUpTo } ? new RankDistribution(_units, _evaluations, isPrivate: true) : this;

    /// <summary>Adds a worker's counts from <see cref="ForWorker"/>; integer sums, so the order of merging never matters.</summary>
    public void Merge(RankDistribution part)
    {
        if (part == this)
        {
            return;
        }

        for (var i = 0; i < _counts!.Length; i++)
        {
            _counts[i] += part._counts![i];
        }
    }

    /// <summary>Records evaluation <paramref name="evaluation"/>'s ranks (0 = unranked), one per unit.</summary>
    public void Add(int evaluation, ReadOnlySpan<int> ranks)
    {
        for (var u = 0; u < ranks.Length; u++)
        {
            if (_ranks is not null)
            {
                _ranks[(u * _evaluations) + evaluation] = ranks[u];
            }
            else if (ranks[u] > 0 && _private)
            {
                _counts![(u * (_units + 1)) + ranks[u]]++;
            }
            else if (ranks[u] > 0)
            {
                Interlocked.Increment(ref _counts![(u * (_units + 1)) + ranks[u]]);
            }
        }
    }

    /// <summary>
    /// R <c>quantile(type = 7)</c> of unit <paramref name="unit"/>'s ranks at each of <paramref name="probabilities"/>:
    /// h = (m − 1) p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the m ranks it received; NaN when it was never ranked.
    /// </summary>
    public double[] Quantiles(int unit, params ReadOnlySpan<double> probabilities)
    {
        var result = new double[probabilities.Length];
        if (_ranks is null)
        {
            var row = _counts.AsSpan(unit * (_units + 1), _units + 1);
            var total = Total(row);
            for (var i = 0; i < result.Length; i++)
            {
                var (lo, hi, fraction) = Position(total, probabilities[i]);
                result[i] = total == 0 ? double.NaN : Interpolate(OrderStatistic(row, lo), OrderStatistic(row, hi), fraction);
            }

            return result;
        }

        // the unit's ranks, sorted once for all the probabilities, in a pooled buffer
        var buffer = ArrayPool<int>.Shared.Rent(_evaluations);
        var m = 0;
        foreach (var r in _ranks.AsSpan(unit * _evaluations, _evaluations))
        {
            if (r > 0)
            {
                buffer[m++] = r;
            }
        }

        var sorted = buffer.AsSpan(0, m);
        sorted.Sort();
        for (var i = 0; i < result.Length; i++)
        {
            var (lo, hi, fraction) = Position(m, probabilities[i]);
            result[i] = m == 0 ? double.NaN : Interpolate(sorted[(int)lo], sorted[(int)hi], fraction);
        }

        ArrayPool<int>.Shared.Return(buffer);
        return result;
    }

    /// <summary>The 0-based positions ⌊h⌋ and min(⌊h⌋ + 1, m − 1) with h = (m − 1) p, and h − ⌊h⌋.</summary>
    private static (long Lo, long Hi, double Fraction) Position(long count, double p)
    {
        var h = (count - 1) * p;
        var lo = (long)Math.Floor(h);
        return (lo, Math.Max(0, Math.Min(lo + 1, count - 1)), h - lo);
    }

    private static double Interpolate(int a, int b, double fraction) => a + (fraction * (b - a));

    private static long Total(ReadOnlySpan<int> row)
    {
        long total = 0;
        foreach (var c in row)
        {
            total += c;
        }

        return total;
    }

    /// <summary>The rank at 0-based position <paramref name="index"/> of the sorted ranks.</summary>
    private static int OrderStatistic(ReadOnlySpan<int> row, long index)
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
