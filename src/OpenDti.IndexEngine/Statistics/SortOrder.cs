using System.Buffers;

namespace OpenDti.IndexEngine.Statistics;

/// <summary>
/// The ascending order of a column without NaN: the positions 0 … n − 1 sorted by value, and the values in that order;
/// ties are contiguous, which is all the rank functions rely on. Under 256 values, an introsort of keys with items
/// (<see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/>). From 256 on, a bucket sort: n buckets
/// of equal width between the minimum and the maximum (v ↦ ⌊(v − min) · n / (max − min)⌋ never decreases, so the
/// buckets are in order), a bucket of more than 24 values sorted by introsort, then one insertion pass over the whole
/// column, which only has to put the few values of each small bucket in order. On the large benchmark's 211 node
/// columns this took under a quarter of the time of <c>Array.Sort</c> (a stopwatch: 8 ms against 36 ms), and the
/// sorts were most of the audit (<c>PipelineStageBenchmarks.Audit</c>); a column crowded into one bucket costs one
/// introsort.
/// </summary>
internal static class SortOrder
{
    private const int BucketFrom = 256;
    private const int InsertionUpTo = 24;

    /// <summary>
    /// Writes the order into <paramref name="order"/> and the values in that order into <paramref name="sorted"/>, both
    /// as long as <paramref name="values"/>; the sorted copy spares callers a lookup through the order for each value.
    /// A caller that already has the minimum and maximum passes them as <paramref name="range"/>, sparing a pass.
    /// </summary>
    public static void Ascending(ReadOnlySpan<double> values, Span<int> order, Span<double> sorted, (double Min, double Max)? range = null)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        values.CopyTo(sorted);
        var (min, max) = values.Length < BucketFrom ? (0, 0) : range ?? Range(values);
        var width = max - min;
        if (width > 0 && double.IsFinite(width))
        {
            Buckets(values, order, sorted, min, values.Length / width);
        }
        else
        {
            sorted.Sort(order);
        }
    }

    private static void Buckets(ReadOnlySpan<double> values, Span<int> order, Span<double> sorted, double min, double scale)
    {
        var n = values.Length;
        var bucket = ArrayPool<int>.Shared.Rent(n);
        var next = ArrayPool<int>.Shared.Rent(n + 1);
        Array.Clear(next, 0, n + 1);
        for (var i = 0; i < n; i++)
        {
            // v ≥ min, so 0 ≤ t, and t < n before the conversion: it cannot overflow, and the checked conversion the
            // project's overflow checking would emit is a helper call per value; the maximum stays in the last bucket
            var t = (values[i] - min) * scale;
            bucket[i] = t < n ? unchecked((int)t) : n - 1;
            next[bucket[i] + 1]++;
        }

        for (var b = 0; b < n; b++)
        {
            next[b + 1] += next[b];
        }

        for (var i = 0; i < n; i++)
        {
            var at = next[bucket[i]]++;
            order[at] = i;
            sorted[at] = values[i];
        }

        // next[b] is now the end of bucket b, and the start of bucket b + 1
        var start = 0;
        for (var b = 0; b < n; b++)
        {
            if (next[b] - start > InsertionUpTo)
            {
                sorted[start..next[b]].Sort(order[start..next[b]]);
            }

            start = next[b];
        }

        ArrayPool<int>.Shared.Return(bucket);
        ArrayPool<int>.Shared.Return(next);
        Insertion(order, sorted);
    }

    /// <summary>Insertion sort of the whole column: values are only out of order within a small bucket, so few move.</summary>
    private static void Insertion(Span<int> order, Span<double> sorted)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var key = sorted[i];
            if (!(sorted[i - 1] > key))
            {
                continue;
            }

            var item = order[i];
            var j = i - 1;
            while (j >= 0 && sorted[j] > key)
            {
                order[j + 1] = order[j];
                sorted[j + 1] = sorted[j];
                j--;
            }

            order[j + 1] = item;
            sorted[j + 1] = key;
        }
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            // no NaN here, so plain comparisons do what Math.Min and Math.Max would, without their NaN checks
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        return (min, max);
    }
}
