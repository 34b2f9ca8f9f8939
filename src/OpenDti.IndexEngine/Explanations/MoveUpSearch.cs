using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Pipeline;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>The search behind <see cref="IndexExplanations.WhatWouldMoveUp"/>.</summary>
internal static class MoveUpSearch
{
    public static List<Improvement> Find(IndexResult result, int aggregate, int u)
    {
        var scores = result.Aggregated.Columns[aggregate];
        var own = scores[u];
        var above = scores.Where(s => !double.IsNaN(s) && s > own).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(own) || double.IsNaN(above))
        {
            return [];
        }

        var newRank = 1 + scores.Count(s => s > above);
        var weights = EffectiveWeights.For(result, aggregate, u);
        var ceiling = Ceiling(result);
        var list = new List<Improvement>();
        foreach (var i in result.Metadata.Indicators.Where(i => IndexExplanations.IsUnder(result.Metadata, i, aggregate)))
        {
            var current = result.Aggregated.Columns[i][u];
            if (double.IsNaN(current) || weights[i] <= 0)
            {
                continue;
            }

            var top = ceiling ?? (current + (2 * Spread(result.Aggregated.Columns[i].AsSpan())));
            var required = result.Config.Aggregation.Method == AggregationMethod.Arithmetic
                ? current + ((above - own) / weights[i])
                : Bisect(result, aggregate, u, i, current, top, above);
            if (required <= top + 1e-9)
            {
                var k = result.Metadata.Indicators.IndexOf(i);
                var raw = result.Imputed.Columns[k][u];
                var requiredRaw = RawScale.ToRaw(result, k, required);
                list.Add(new Improvement(result.Metadata.Nodes[i].Code, current, required, required - current, newRank, raw, requiredRaw, requiredRaw - raw));
            }
        }

        return [.. list.OrderBy(x => x.Increase).ThenBy(x => x.Code, StringComparer.Ordinal)];
    }

    /// <summary>The top of the normalised scale, or null when it has none (z-scores, no normalisation).</summary>
    private static double? Ceiling(IndexResult result) => result.Config.Normalisation.Method switch
    {
        NormalisationMethod.Rank => result.UnitCodes.Length,
        NormalisationMethod.ZScore or NormalisationMethod.None => null,
        _ => result.Config.Normalisation.High,
    };

    private static double Spread(ReadOnlySpan<double> column)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in column)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return max - min;
    }

    /// <summary>The least value in [low, high] at which the score reaches <paramref name="goal"/>; +∞ when even high does not.</summary>
    private static double Bisect(IndexResult result, int aggregate, int u, int node, double low, double high, double goal)
    {
        if (EffectiveWeights.ScoreWith(result, aggregate, u, node, high) < goal)
        {
            return double.PositiveInfinity;
        }

        for (var step = 0; step < 100 && high - low > 1e-12 * Math.Max(1, Math.Abs(high)); step++)
        {
            var mid = (low + high) / 2;
            if (EffectiveWeights.ScoreWith(result, aggregate, u, node, mid) >= goal)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }
}
