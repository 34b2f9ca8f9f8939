using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenDti.Domain.Geography;

/// <summary>
/// Re-expresses values reported for old units on the units that succeeded them, so that a time series
/// runs across a boundary change (the 63 provinces became 34 on 1 July 2025). Each kind of value has
/// its own rule, because only counts can be shared out by area:
/// <list type="bullet">
/// <item><description><see cref="Counts"/>: successor = Σ share × predecessor value.</description></item>
/// <item><description><see cref="Ratios"/>: numerator and denominator are re-expressed as counts and divided
/// again; ratios are never averaged.</description></item>
/// <item><description><see cref="Scores"/>: a weighted mean of the predecessors' scores with a stated
/// <see cref="ScoreWeighting"/>.</description></item>
/// </list>
/// Every method first checks the links with <see cref="SuccessionRules.CheckLinks"/>; if there is any
/// problem the result holds the problems and no values. Otherwise the result holds one value per
/// distinct successor in the links, in ordinal code order. A successor with any predecessor lacking a
/// value gets null and the list of those predecessors, never a partial figure. Values of units that
/// appear in no link are ignored. Sums run over the predecessors in ordinal code order, so the order of
/// the links does not change the result. Nothing here reads or writes storage.
/// </summary>
public static class BoundaryReexpression
{
    /// <summary>
    /// Re-expresses counts and amounts (services, dossiers, people, đồng): the value of successor s is
    /// Σ over its links (p → s, share) of share × value(p). With whole mergers (every share 1) the
    /// successor's value is the sum of its predecessors' values and the total over all units is kept.
    /// </summary>
    /// <param name="links">The succession links.</param>
    /// <param name="values">The value of each predecessor, by code.</param>
    /// <returns>A value per successor; <see cref="ReexpressionGap.MissingValues"/> where a predecessor has none.</returns>
    /// <exception cref="ArgumentNullException">When an argument, or a link in <paramref name="links"/>, is null.</exception>
    /// <exception cref="ArgumentException">When a value is infinite or NaN.</exception>
    public static ReexpressionResult Counts(IEnumerable<SuccessionLink> links, IReadOnlyDictionary<UnitCode, double> values)
    {
        ArgumentNullException.ThrowIfNull(links);
        RequireFinite(values);

        return Reexpress(links, (successor, group) =>
        {
            var missing = Missing(group, values);
            return missing.Length > 0
                ? Gap(successor, group, missing, ReexpressionGap.MissingValues)
                : Found(successor, group, SharedSum(group, values));
        });
    }

    /// <summary>
    /// Re-expresses a ratio (a rate or percentage such as "share of dossiers processed online") from its
    /// parts: with N′ = Σ share × numerator(p) and D′ = Σ share × denominator(p) over the successor's links,
    /// the successor's ratio is <paramref name="scale"/> × N′ / D′. Because the parts add up first, a large
    /// predecessor counts for more than a small one; the mean of the predecessors' ratios would not.
    /// When every denominator is positive the result lies between the smallest and largest predecessor ratio.
    /// </summary>
    /// <param name="links">The succession links.</param>
    /// <param name="numerators">The numerator count of each predecessor, by code.</param>
    /// <param name="denominators">The denominator count of each predecessor, by code.</param>
    /// <param name="scale">The factor applied to N′ / D′: 1 for a fraction, 100 for a percentage, 1000 per mille.</param>
    /// <returns>
    /// A ratio per successor; <see cref="ReexpressionGap.MissingValues"/> listing the predecessors lacking a
    /// numerator or a denominator, or <see cref="ReexpressionGap.ZeroDenominator"/> when D′ is zero.
    /// </returns>
    /// <exception cref="ArgumentNullException">When an argument, or a link in <paramref name="links"/>, is null.</exception>
    /// <exception cref="ArgumentException">When a value is infinite or NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="scale"/> is not a finite positive number.</exception>
    public static ReexpressionResult Ratios(
        IEnumerable<SuccessionLink> links,
        IReadOnlyDictionary<UnitCode, double> numerators,
        IReadOnlyDictionary<UnitCode, double> denominators,
        double scale)
    {
        ArgumentNullException.ThrowIfNull(links);
        RequireFinite(numerators);
        RequireFinite(denominators);
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a finite positive number.");
        }

        return Reexpress(links, (successor, group) =>
        {
            var missing = Missing(group, numerators).Union(Missing(group, denominators)).Order(UnitCodeOrder.Instance).ToArray();
            if (missing.Length > 0)
            {
                return Gap(successor, group, missing, ReexpressionGap.MissingValues);
            }

            var denominator = SharedSum(group, denominators);
            return denominator == 0
                ? Gap(successor, group, [], ReexpressionGap.ZeroDenominator)
                : Found(successor, group, scale * SharedSum(group, numerators) / denominator);
        });
    }

    /// <summary>
    /// Re-expresses scores (index points, ranks of satisfaction, anything that is not a count or a ratio of
    /// counts) as a weighted mean: with w(p) the predecessor's weight under <paramref name="weighting"/>
    /// (1 for <see cref="ScoreWeighting.Equal"/>), the successor's score is
    /// Σ share × w(p) × score(p) / Σ share × w(p) over its links. A successor with one predecessor keeps
    /// that predecessor's score. The result lies between the smallest and largest predecessor score.
    /// </summary>
    /// <param name="links">The succession links.</param>
    /// <param name="scores">The score of each predecessor, by code.</param>
    /// <param name="weighting">How predecessors are weighted.</param>
    /// <returns>
    /// A score per successor; <see cref="ReexpressionGap.MissingValues"/> listing predecessors without a
    /// score, else <see cref="ReexpressionGap.MissingWeights"/> listing those without a weight, or
    /// <see cref="ReexpressionGap.ZeroTotalWeight"/> when Σ share × w(p) is zero.
    /// </returns>
    /// <exception cref="ArgumentNullException">When an argument, or a link in <paramref name="links"/>, is null.</exception>
    /// <exception cref="ArgumentException">When a score is infinite or NaN.</exception>
    public static ReexpressionResult Scores(
        IEnumerable<SuccessionLink> links,
        IReadOnlyDictionary<UnitCode, double> scores,
        ScoreWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(links);
        RequireFinite(scores);
        ArgumentNullException.ThrowIfNull(weighting);

        return Reexpress(links, (successor, group) =>
        {
            var missingScores = Missing(group, scores);
            if (missingScores.Length > 0)
            {
                return Gap(successor, group, missingScores, ReexpressionGap.MissingValues);
            }

            var missingWeights = group.Where(l => !weighting.TryGetWeight(l.Predecessor, out _)).Select(l => l.Predecessor).ToArray();
            if (missingWeights.Length > 0)
            {
                return Gap(successor, group, missingWeights, ReexpressionGap.MissingWeights);
            }

            double weighted = 0, totalWeight = 0;
            foreach (var link in group)
            {
                weighting.TryGetWeight(link.Predecessor, out var weight);
                weighted += link.Share * weight * scores[link.Predecessor];
                totalWeight += link.Share * weight;
            }

            return totalWeight == 0
                ? Gap(successor, group, [], ReexpressionGap.ZeroTotalWeight)
                : Found(successor, group, weighted / totalWeight);
        });
    }

    private static ReexpressionResult Reexpress(
        IEnumerable<SuccessionLink> links,
        Func<UnitCode, IReadOnlyList<SuccessionLink>, ReexpressedValue> reexpressOne)
    {
        var list = links.ToList();
        var problems = SuccessionRules.CheckLinks(list);
        if (problems.Count > 0)
        {
            return new ReexpressionResult([], problems);
        }

        var values = list
            .GroupBy(l => l.Successor)
            .OrderBy(g => g.Key, UnitCodeOrder.Instance)
            .Select(g => reexpressOne(g.Key, g.OrderBy(l => l.Predecessor, UnitCodeOrder.Instance).ToArray()))
            .ToArray();
        return new ReexpressionResult(values.AsReadOnly(), problems);
    }

    private static UnitCode[] Missing(IReadOnlyList<SuccessionLink> group, IReadOnlyDictionary<UnitCode, double> values) =>
        group.Where(l => !values.ContainsKey(l.Predecessor)).Select(l => l.Predecessor).ToArray();

    private static double SharedSum(IReadOnlyList<SuccessionLink> group, IReadOnlyDictionary<UnitCode, double> values)
    {
        double sum = 0;
        foreach (var link in group)
        {
            sum += link.Share * values[link.Predecessor];
        }

        return sum;
    }

    private static ReexpressedValue Found(UnitCode successor, IReadOnlyList<SuccessionLink> group, double value) =>
        new(successor, value, Predecessors(group), [], ReexpressionGap.None);

    private static ReexpressedValue Gap(UnitCode successor, IReadOnlyList<SuccessionLink> group, IReadOnlyList<UnitCode> missing, ReexpressionGap gap) =>
        new(successor, null, Predecessors(group), missing.ToArray().AsReadOnly(), gap);

    private static ReadOnlyCollection<UnitCode> Predecessors(IReadOnlyList<SuccessionLink> group) =>
        group.Select(l => l.Predecessor).ToArray().AsReadOnly();

    private static void RequireFinite(IReadOnlyDictionary<UnitCode, double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        foreach (var (code, value) in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The value of {code} is {value}; values must be finite."), name);
            }
        }
    }
}
