using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Statistics;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Audit;

/// <summary>Builds the <see cref="AuditReport"/> from the node values of a run.</summary>
internal static class Auditor
{
    /// <summary>
    /// Node summaries (one rank sort per node) and then aggregates are computed in parallel; each task writes only its
    /// own slot and sums in a fixed order, so the report is the same whatever the number of threads.
    /// </summary>
    public static AuditReport Audit(IndexMetadata meta, double[][] values, double[] availability, IndicatorTreatment[] treatments)
    {
        var summaries = new ColumnSummary?[values.Length];
        Parallel.For(0, values.Length, n => summaries[n] = ColumnSummary.Of(values[n]));

        var order = meta.AggregatesBottomUp;
        var aggregates = new AggregateAudit[order.Length];
        Parallel.For(0, order.Length, i => aggregates[i] = Aggregate(meta, values, summaries, order[i]));

        var indicators = new IndicatorAudit[treatments.Length];
        for (var k = 0; k < indicators.Length; k++)
        {
            var t = treatments[k];
            indicators[k] = new IndicatorAudit(t.Code, availability[k], t.WinsorisedPoints, t.LogTransformed);
        }

        return new AuditReport([.. aggregates], [.. indicators]);
    }

    private static AggregateAudit Aggregate(IndexMetadata meta, double[][] values, ColumnSummary?[] summaries, int a)
    {
        var children = meta.Children[a];
        var correlations = new ChildCorrelation[children.Length];
        var items = new double[children.Length][];
        for (var i = 0; i < children.Length; i++)
        {
            var c = children[i];
            items[i] = values[c];
            correlations[i] = new ChildCorrelation(
                meta.Nodes[c].Code,
                Pearson(values, summaries, c, a),
                Spearman(values, summaries, c, a),
                Pearson(values, summaries, c, meta.Root),
                Spearman(values, summaries, c, meta.Root));
        }

        return new AggregateAudit(meta.Nodes[a].Code, CronbachAlpha(items), [.. correlations]);
    }

    private static double Pearson(double[][] values, ColumnSummary?[] summaries, int x, int y) =>
        summaries[x] is { } sx && summaries[y] is { } sy ? ColumnSummary.Pearson(sx, sy) : Descriptive.Pearson(values[x], values[y]);

    private static double Spearman(double[][] values, ColumnSummary?[] summaries, int x, int y) =>
        summaries[x] is { } sx && summaries[y] is { } sy ? ColumnSummary.Spearman(sx, sy) : Descriptive.Spearman(values[x], values[y]);

    /// <summary>See <see cref="AggregateAudit.CronbachAlpha"/>.</summary>
    public static double CronbachAlpha(IReadOnlyList<double[]> items)
    {
        var k = items.Count;
        if (k < 2)
        {
            return double.NaN;
        }

        var units = items[0].Length;
        var complete = new List<int>(units);
        for (var u = 0; u < units; u++)
        {
            if (IsComplete(items, u))
            {
                complete.Add(u);
            }
        }

        if (complete.Count < 2)
        {
            return double.NaN;
        }

        // sums run item by item, then unit by unit, from 0, in the order the definition reads
        var buffer = new double[complete.Count];
        var total = new double[complete.Count];
        double sumOfVariances = 0;
        foreach (var item in items)
        {
            for (var j = 0; j < buffer.Length; j++)
            {
                buffer[j] = item[complete[j]];
                total[j] += buffer[j];
            }

            sumOfVariances += Descriptive.Variance(buffer);
        }

        var totalVariance = Descriptive.Variance(total);
        return totalVariance == 0 ? double.NaN : k / (k - 1.0) * (1 - sumOfVariances / totalVariance);
    }

    private static bool IsComplete(IReadOnlyList<double[]> items, int u)
    {
        foreach (var item in items)
        {
            if (double.IsNaN(item[u]))
            {
                return false;
            }
        }

        return true;
    }
}
