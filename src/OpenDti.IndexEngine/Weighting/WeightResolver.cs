using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;

namespace OpenDti.IndexEngine.Weighting;

/// <summary>The weight of every node, from the metadata, equal weights or user overrides (in that order of precedence, last wins).</summary>
internal static class WeightResolver
{
    /// <summary>One weight per node, in metadata order; the root's weight is unused.</summary>
    public static double[] Resolve(IndexMetadata meta, WeightingOptions options)
    {
        var weights = new double[meta.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = options.EqualPerLevel ? 1 : meta.Nodes[i].Weight;
            if (options.Overrides.TryGetValue(meta.Nodes[i].Code, out var w))
            {
                weights[i] = w;
            }
        }

        return weights;
    }

    /// <summary>The aggregates whose children's weights sum to zero under <paramref name="weights"/>.</summary>
    public static IEnumerable<string> ZeroSums(IndexMetadata meta, double[] weights) =>
        meta.AggregatesBottomUp
            .Where(a => meta.Children[a].Sum(c => weights[c]) <= 0)
            .Select(a => meta.Nodes[a].Code);
}
