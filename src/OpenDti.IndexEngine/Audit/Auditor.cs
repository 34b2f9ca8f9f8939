using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Statistics;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Audit;

/// <summary>Builds the <see cref="AuditReport"/> from the node values of a run.</summary>
internal static class Auditor
{
    public static AuditReport Audit(IndexMetadata meta, double[][] values, double[] availability, IndicatorTreatment[] treatments)
    {
        var index = values[meta.Root];
        var ranks = new double[]?[values.Length];

        // ranks are computed once per node when its column is complete (the usual case after imputation): one sort
        // per node instead of four per child
        double Spearman(int x, int y)
        {
            var rx = ranks[x] ??= CompleteRanks(values[x]);
            var ry = ranks[y] ??= CompleteRanks(values[y]);
            return rx.Length > 0 && ry.Length > 0 ? Descriptive.Pearson(rx, ry) : Descriptive.Spearman(values[x], values[y]);
        }

        var aggregates = meta.AggregatesBottomUp.Select(a =>
        {
            var children = meta.Children[a].Select(c => new ChildCorrelation(
                meta.Nodes[c].Code,
                Descriptive.Pearson(values[c], values[a]),
                Spearman(c, a),
                Descriptive.Pearson(values[c], index),
                Spearman(c, meta.Root)));
            return new AggregateAudit(meta.Nodes[a].Code, CronbachAlpha([.. meta.Children[a].Select(c => values[c])]), [.. children]);
        });
        var indicators = treatments.Select((t, k) => new IndicatorAudit(t.Code, availability[k], t.WinsorisedPoints, t.LogTransformed));
        return new AuditReport([.. aggregates], [.. indicators]);
    }

    private static double[] CompleteRanks(double[] column) =>
        column.Any(double.IsNaN) ? [] : Ranks.AscendingAverage(column);

    /// <summary>See <see cref="AggregateAudit.CronbachAlpha"/>.</summary>
    public static double CronbachAlpha(IReadOnlyList<double[]> items)
    {
        var k = items.Count;
        if (k < 2)
        {
            return double.NaN;
        }

        var complete = Enumerable.Range(0, items[0].Length).Where(u => items.All(i => !double.IsNaN(i[u]))).ToArray();
        if (complete.Length < 2)
        {
            return double.NaN;
        }

        var sumOfVariances = items.Sum(i => Descriptive.Variance(complete.Select(u => i[u]).ToArray()));
        var total = complete.Select(u => items.Sum(i => i[u])).ToArray();
        var totalVariance = Descriptive.Variance(total);
        return totalVariance == 0 ? double.NaN : k / (k - 1.0) * (1 - sumOfVariances / totalVariance);
    }
}
