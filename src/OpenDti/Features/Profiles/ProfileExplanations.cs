using System.Collections.Immutable;
using OpenDti.Features.Rankings;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Explanations;
using OpenDti.IndexEngine.Pipeline;

namespace OpenDti.Features.Profiles;

/// <summary>What a replayed run says about one unit: its gaps to the peers' median and the rises that would move it up.</summary>
public static class ProfileExplanations
{
    /// <summary>Every indicator the unit has, with its normalised value minus the median of the ranked units' values, largest first.</summary>
    public static IReadOnlyList<IndicatorGap> Gaps(ReplayedRun run, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(run);
        var normalised = run.Result.Normalised;
        if (!normalised.UnitCodes.Contains(unitCode))
        {
            return [];
        }

        return run.Indicators
            .Where(n => normalised.HasColumn(n.Code.Value))
            .Select(n =>
            {
                var value = normalised.Value(unitCode, n.Code.Value);
                var median = Median(normalised.Column(n.Code.Value));
                return new IndicatorGap(n.Code.Value, n.Name, n.NameEn, n.UnitOfMeasure, Raw(run, unitCode, n.Code.Value) ?? double.NaN, value, median, value - median);
            })
            .Where(g => double.IsFinite(g.Difference))
            .OrderByDescending(g => g.Difference)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// <see cref="IndexExplanations.WhatWouldMoveUp"/> for the unit, each rise also in the indicator's own unit
    /// and checked by running the pipeline again with it.
    /// </summary>
    public static IReadOnlyList<MoveUpStep> MoveUp(ReplayedRun run, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Result.UnitCodes.Contains(unitCode))
        {
            return [];
        }

        var nodes = run.Indicators.ToDictionary(n => n.Code.Value, StringComparer.Ordinal);
        // A rise that no value of one indicator can reach comes back as infinite: it is no suggestion.
        return IndexExplanations.WhatWouldMoveUp(run.Result, unitCode)
            .Where(i => double.IsFinite(i.RequiredValue) && double.IsFinite(i.Increase) && double.IsFinite(i.CurrentValue))
            .Select(i =>
            {
                var node = nodes[i.Code];
                var required = RequiredRawValue(run, i.Code, node.Direction, i.RequiredValue);
                return new MoveUpStep(
                    i.Code, node.Name, node.NameEn, node.UnitOfMeasure, i.CurrentValue, i.RequiredValue, i.Increase, i.NewRank,
                    Raw(run, unitCode, i.Code) ?? double.NaN, required, required is { } value ? RankWith(run, unitCode, i.Code, value) : null);
            })
            .ToList();
    }

    /// <summary>The unit's indicator value as the run computed it from the stored values; null when missing.</summary>
    public static double? Raw(ReplayedRun run, string unitCode, string indicator)
    {
        ArgumentNullException.ThrowIfNull(run);
        var u = run.Data.UnitCodes.IndexOf(unitCode);
        return u < 0 || !run.Data.Columns.TryGetValue(indicator, out var column) || double.IsNaN(column[u]) ? null : column[u];
    }

    /// <summary>The unit's index rank when the pipeline runs again with <paramref name="indicator"/> set to <paramref name="value"/>.</summary>
    public static int? RankWith(ReplayedRun run, string unitCode, string indicator, double value)
    {
        ArgumentNullException.ThrowIfNull(run);
        var u = run.Data.UnitCodes.IndexOf(unitCode);
        var column = run.Data.Columns[indicator].SetItem(u, value);
        var result = IndexPipeline.Run(run.Data with { Columns = run.Data.Columns.SetItem(indicator, column) }, run.Metadata, run.Config);
        return result.IsValid ? result.Value!.Rank(unitCode, run.Metadata.IndexCode) : null;
    }

    /// <summary>
    /// The raw value whose min–max normalised value is <paramref name="normalised"/>, with the scale's ends as the
    /// run found them; null when the pipeline transforms values in a way this does not invert.
    /// </summary>
    private static double? RequiredRawValue(ReplayedRun run, string indicator, int direction, double normalised)
    {
        var config = run.Config;
        if (config.Normalisation.Method != NormalisationMethod.MinMax || config.Treatment.Enabled || !config.Denomination.IsEmpty
            || config.Imputation.Method != ImputationMethod.None)
        {
            return null;
        }

        var x = run.Result.Treated.Column(indicator).Where(v => !double.IsNaN(v)).Select(v => v * direction).ToList();
        var (min, max) = (x.Min(), x.Max());
        var (low, high) = (config.Normalisation.Low, config.Normalisation.High);
        return max == min ? null : (min + ((normalised - low) / (high - low) * (max - min))) * direction;
    }

    private static double Median(ImmutableArray<double> column)
    {
        var sorted = column.Where(v => !double.IsNaN(v)).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
