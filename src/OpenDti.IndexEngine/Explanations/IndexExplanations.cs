using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>Why a unit scores what it scores, what changed between two runs, and what would move it up.</summary>
public static class IndexExplanations
{
    /// <summary>
    /// Each indicator's contribution (effective weight × normalised value) to <paramref name="unitCode"/>'s score on
    /// <paramref name="aggregateCode"/> (the index when null). Under arithmetic aggregation the contributions sum to the score.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown unit or aggregate.</exception>
    public static ScoreBreakdown Contributions(IndexResult result, string unitCode, string? aggregateCode = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (aggregate, code) = Aggregate(result.Metadata, aggregateCode);
        var u = result.UnitIndex(unitCode);
        var weights = EffectiveWeights.For(result, aggregate, u);
        var indicators = result.Metadata.Indicators
            .Where(i => IsUnder(result.Metadata, i, aggregate))
            .Select(i =>
            {
                var value = result.Aggregated.Columns[i][u];
                return new IndicatorContribution(result.Metadata.Nodes[i].Code, weights[i], value, weights[i] == 0 ? 0 : weights[i] * value);
            });
        var exact = result.Config.Aggregation.Method == AggregationMethod.Arithmetic;
        return new ScoreBreakdown(unitCode, code, result.Aggregated.Columns[aggregate][u], [.. indicators], exact);
    }

    /// <summary>The change of score and rank of a unit from <paramref name="before"/> to <paramref name="after"/>, by indicator.</summary>
    public static ScoreChange Compare(IndexResult before, IndexResult after, string unitCode, string? aggregateCode = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Contributions(before, unitCode, aggregateCode);
        var b = Contributions(after, unitCode, aggregateCode);
        var afterByCode = b.Indicators.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var changes = a.Indicators
            .Select(c =>
            {
                var next = afterByCode.TryGetValue(c.Code, out var x) ? x.Contribution : 0;
                return new IndicatorChange(c.Code, c.Contribution, next, next - c.Contribution);
            })
            .OrderByDescending(c => Math.Abs(c.Change))
            .ThenBy(c => c.Code, StringComparer.Ordinal);
        return new ScoreChange(unitCode, a.AggregateCode, a.Score, b.Score, before.Rank(unitCode, a.AggregateCode), after.Rank(unitCode, a.AggregateCode), [.. changes]);
    }

    /// <summary>
    /// For each indicator under the aggregate, the smallest rise of the unit's normalised value that gives it a score at
    /// least equal to the lowest score above its own (ties share the better rank, so that is one rank or more up),
    /// all else equal; only indicators where that is possible within the normalised scale are listed, smallest rise
    /// first. Exact under arithmetic aggregation (rise = gap / effective weight); found by bisection otherwise.
    /// Empty for the top unit or an unranked one.
    /// </summary>
    public static IReadOnlyList<Improvement> WhatWouldMoveUp(IndexResult result, string unitCode, string? aggregateCode = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (aggregate, _) = Aggregate(result.Metadata, aggregateCode);
        return MoveUpSearch.Find(result, aggregate, result.UnitIndex(unitCode));
    }

    internal static bool IsUnder(IndexMetadata meta, int node, int aggregate)
    {
        for (var p = node; p >= 0; p = meta.Parents[p])
        {
            if (p == aggregate)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Index, string Code) Aggregate(IndexMetadata meta, string? code)
    {
        code ??= meta.IndexCode;
        return meta.IndexOf.TryGetValue(code, out var i) && meta.Nodes[i].Type == NodeType.Aggregate
            ? (i, code)
            : throw new KeyNotFoundException($"No aggregate '{code}'.");
    }
}
