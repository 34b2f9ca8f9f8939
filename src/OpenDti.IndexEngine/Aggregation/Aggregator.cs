using System.Buffers;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;

namespace OpenDti.IndexEngine.Aggregation;

/// <summary>Aggregation level by level (COINr <c>Aggregate</c>), over the children available for each unit.</summary>
internal static class Aggregator
{
    private const int StackUnits = 512;

    /// <summary>
    /// Fills the aggregate rows of <paramref name="values"/> (node-major: values[node][unit]; indicator rows are the
    /// normalised indicators) bottom-up. A unit's aggregate is missing when fewer than
    /// <see cref="AggregationOptions.MinChildShare"/> of the children are available, when none is, or when the
    /// available children's weights sum to 0. Weights are renormalised over the available children.
    /// </summary>
    public static void Aggregate(IndexMetadata meta, double[][] values, ReadOnlySpan<double> weights, AggregationOptions options)
    {
        if (options.Method == AggregationMethod.Arithmetic)
        {
            // a Monte Carlo run aggregates thousands of times: the sums come from the stack, or the pool for large tables
            var units = values[meta.Root].Length;
            var pooledSums = units <= StackUnits ? null : ArrayPool<double>.Shared.Rent(units);
            var pooledCounts = units <= StackUnits ? null : ArrayPool<int>.Shared.Rent(units);
            var weightSums = pooledSums is null ? stackalloc double[units] : pooledSums.AsSpan(0, units);
            var available = pooledCounts is null ? stackalloc int[units] : pooledCounts.AsSpan(0, units);
            foreach (var a in meta.AggregatesBottomUp)
            {
                Arithmetic(values, meta.Children[a].AsSpan(), weights, values[a], options.MinChildShare, weightSums, available);
            }

            if (pooledSums is not null)
            {
                ArrayPool<double>.Shared.Return(pooledSums);
                ArrayPool<int>.Shared.Return(pooledCounts!);
            }

            return;
        }

        var buffer = new double[MaxChildren(meta)];
        var wbuffer = new double[buffer.Length];
        foreach (var a in meta.AggregatesBottomUp)
        {
            var children = meta.Children[a].AsSpan();
            var row = values[a];

            for (var u = 0; u < row.Length; u++)
            {
                var n = 0;
                foreach (var c in children)
                {
                    var v = values[c][u];
                    if (!double.IsNaN(v))
                    {
                        buffer[n] = v;
                        wbuffer[n] = weights[c];
                        n++;
                    }
                }

                var enough = n > 0 && n >= options.MinChildShare * children.Length - 1e-9;
                row[u] = enough ? Means.Of(options.Method, buffer.AsSpan(0, n), wbuffer.AsSpan(0, n)) : double.NaN;
            }
        }
    }

    /// <summary>
    /// The weighted arithmetic mean child by child down the columns rather than unit by unit across them: each unit's
    /// sums still run over its children in order, so every score is the one <see cref="Means.Of"/> gives, while each
    /// child's column is read once from front to back.
    /// </summary>
    private static void Arithmetic(double[][] values, ReadOnlySpan<int> children, ReadOnlySpan<double> weights, double[] row, double minChildShare, Span<double> weightSums, Span<int> available)
    {
        Array.Clear(row);
        weightSums.Clear();
        available.Clear();
        foreach (var c in children)
        {
            var w = weights[c];
            var column = values[c];
            for (var u = 0; u < row.Length; u++)
            {
                var v = column[u];
                if (!double.IsNaN(v))
                {
                    row[u] += w * v;
                    weightSums[u] += w;
                    available[u]++;
                }
            }
        }

        var needed = minChildShare * children.Length - 1e-9;
        for (var u = 0; u < row.Length; u++)
        {
            var n = available[u];
            row[u] = n > 0 && n >= needed && weightSums[u] > 0 ? row[u] / weightSums[u] : double.NaN;
        }
    }

    private static int MaxChildren(IndexMetadata meta) => meta.Children.Max(c => c.Length);
}
