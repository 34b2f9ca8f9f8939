using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Statistics;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Audit;

/// <summary>Builds the <see cref="AuditReport"/> from the node values of a run.</summary>
internal static class Auditor
{
    /// <summary>
    /// The aggregates' summaries (one rank sort each) come first; then every child, in parallel, is summarised in its
    /// thread's buffers and correlated with its parent and the index. Each task writes only its own slot and sums in
    /// a fixed order, so the report is the same whatever the number of threads.
    /// </summary>
    public static AuditReport Audit(IndexMetadata meta, double[][] values, double[] availability, IndicatorTreatment[] treatments)
    {
        var units = values[meta.Root].Length;
        var summaries = new ColumnSummary?[values.Length];
        var order = meta.AggregatesBottomUp;
        ColumnParallelism.For(order.Length, units, i =>
            summaries[order[i]] = ColumnSummary.Of(values[order[i]], new double[units], new ColumnSummary.SortScratch(units)));

        var pairs = order.SelectMany(a => meta.Children[a].Select(c => (Child: c, Parent: a))).ToArray();
        var correlations = new ChildCorrelation[pairs.Length];
        var variances = new double[values.Length];
        ColumnParallelism.For(pairs.Length, units, () => (Ranks: new double[units], Sort: new ColumnSummary.SortScratch(units)), (j, scratch) =>
        {
            var (c, a) = pairs[j];
            var child = summaries[c] ?? ColumnSummary.Of(values[c], scratch.Ranks, scratch.Sort);
            variances[c] = child?.Variance ?? double.NaN;
            correlations[j] = Correlate(meta.Nodes[c].Code, values, child, summaries[a], summaries[meta.Root], c, a, meta.Root);
        });

        var aggregates = new AggregateAudit[order.Length];
        var firsts = new int[order.Length];
        for (var i = 1; i < order.Length; i++)
        {
            firsts[i] = firsts[i - 1] + meta.Children[order[i - 1]].Length;
        }

        ColumnParallelism.For(order.Length, units, i =>
        {
            var children = meta.Children[order[i]];
            aggregates[i] = new AggregateAudit(
                meta.Nodes[order[i]].Code,
                CronbachAlpha([.. children.Select(c => values[c])], [.. children.Select(c => variances[c])]),
                [.. correlations.AsSpan(firsts[i], children.Length)]);
        });

        var indicators = new IndicatorAudit[treatments.Length];
        for (var k = 0; k < indicators.Length; k++)
        {
            var t = treatments[k];
            indicators[k] = new IndicatorAudit(t.Code, availability[k], t.WinsorisedPoints, t.LogTransformed);
        }

        return new AuditReport([.. aggregates], [.. indicators]);
    }

    private static ChildCorrelation Correlate(string code, double[][] values, ColumnSummary? x, ColumnSummary? parent, ColumnSummary? index, int c, int a, int root)
    {
        if (x is not null && parent is not null && index is not null)
        {
            var (pp, sp, pi, si) = ColumnSummary.Correlate(x, parent, index);
            return new ChildCorrelation(code, pp, sp, pi, si);
        }

        return new ChildCorrelation(
            code,
            Pearson(values, x, parent, c, a),
            Spearman(values, x, parent, c, a),
            Pearson(values, x, index, c, root),
            Spearman(values, x, index, c, root));
    }

    private static double Pearson(double[][] values, ColumnSummary? x, ColumnSummary? y, int xi, int yi) =>
        x is not null && y is not null ? ColumnSummary.Pearson(x, y) : Descriptive.Pearson(values[xi], values[yi]);

    private static double Spearman(double[][] values, ColumnSummary? x, ColumnSummary? y, int xi, int yi) =>
        x is not null && y is not null ? ColumnSummary.Spearman(x, y) : Descriptive.Spearman(values[xi], values[yi]);

    /// <summary>
    /// See <see cref="AggregateAudit.CronbachAlpha"/>. <paramref name="variances"/>, when given, are the items' sample
    /// variances over every unit (NaN where unknown), used when every unit has every item instead of another pass.
    /// </summary>
    public static double CronbachAlpha(double[][] items, double[]? variances = null)
    {
        var k = items.Length;
        if (k < 2)
        {
            return double.NaN;
        }

        // the units that have every item, found item by item down the columns
        var missing = new bool[items[0].Length];
        foreach (var item in items)
        {
            for (var u = 0; u < missing.Length; u++)
            {
                missing[u] |= double.IsNaN(item[u]);
            }
        }

        var complete = new List<int>(missing.Length);
        for (var u = 0; u < missing.Length; u++)
        {
            if (!missing[u])
            {
                complete.Add(u);
            }
        }

        if (complete.Count < 2)
        {
            return double.NaN;
        }

        // sums run item by item, then unit by unit, from 0, in the order the definition reads; a complete table (the
        // usual case after imputation) is read in place, and its items' variances are known
        var everyUnit = complete.Count == missing.Length;
        var buffer = everyUnit ? [] : new double[complete.Count];
        var total = new double[complete.Count];
        double sumOfVariances = 0;
        for (var i = 0; i < k; i++)
        {
            var item = items[i];
            if (everyUnit)
            {
                for (var j = 0; j < total.Length; j++)
                {
                    total[j] += item[j];
                }
            }
            else
            {
                for (var j = 0; j < total.Length; j++)
                {
                    buffer[j] = item[complete[j]];
                    total[j] += buffer[j];
                }
            }

            sumOfVariances += everyUnit && variances is { } known && !double.IsNaN(known[i]) ? known[i] : Descriptive.Variance(everyUnit ? item : buffer);
        }

        var totalVariance = Descriptive.Variance(total);
        return totalVariance == 0 ? double.NaN : k / (k - 1.0) * (1 - sumOfVariances / totalVariance);
    }
}
