using OpenDti.IndexEngine.Aggregation;
using OpenDti.IndexEngine.Pipeline;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>Effective weights of the indicators under an aggregate for one unit, and the unit's score with one value changed.</summary>
internal static class EffectiveWeights
{
    /// <summary>Per node (metadata order), the effective weight under <paramref name="aggregate"/> for unit <paramref name="u"/>.</summary>
    public static double[] For(IndexResult result, int aggregate, int u)
    {
        var meta = result.Metadata;
        var weights = new double[meta.Count];
        weights[aggregate] = 1;
        Descend(result, aggregate, u, weights);
        return weights;
    }

    /// <summary>The unit's score on <paramref name="aggregate"/> with indicator node <paramref name="node"/> set to <paramref name="value"/>.</summary>
    public static double ScoreWith(IndexResult result, int aggregate, int u, int node, double value)
    {
        var meta = result.Metadata;
        var values = new double[meta.Count][];
        for (var n = 0; n < meta.Count; n++)
        {
            values[n] = [result.Aggregated.Columns[n][u]];
        }

        values[node][0] = value;
        Aggregator.Aggregate(meta, values, result.NodeWeights.AsSpan(), result.Config.Aggregation);
        return values[aggregate][0];
    }

    private static void Descend(IndexResult result, int node, int u, double[] weights)
    {
        var meta = result.Metadata;
        var children = meta.Children[node];
        var available = children.Where(c => !double.IsNaN(result.Aggregated.Columns[c][u])).ToList();
        var sum = available.Sum(c => result.NodeWeights[c]);
        foreach (var c in available)
        {
            weights[c] = sum > 0 ? weights[node] * result.NodeWeights[c] / sum : 0;
            Descend(result, c, u, weights);
        }
    }
}
