using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Store;

namespace OpenDti.Features.Rankings;

/// <summary>
/// The measure values each unit of an index run has, from the values the run reads: a unit's own values, or,
/// for a unit formed after the period's end (a province of 1 July 2025 in a run of 2024 on the 34 provinces),
/// its predecessors' values re-expressed on its boundary (<see cref="MeasureReexpression"/>). An index run
/// and its replay both go through here, so a replay of a comparable run rebuilds the table the run ranked.
/// </summary>
internal static class RunValues
{
    /// <summary>
    /// The successions between <paramref name="period"/>'s end and <paramref name="unitsOn"/> into
    /// <paramref name="units"/>: none when the run ranks the period's own units.
    /// </summary>
    public static async Task<IReadOnlyList<RunSuccession>> SuccessionsAsync(
        OpenDtiDbContext db, IReadOnlyList<ReportingUnit> units, Period period, DateOnly unitsOn, CancellationToken cancellationToken)
    {
        if (unitsOn == period.End)
        {
            return [];
        }

        var unitIds = units.Select(u => u.Id).ToList();
        return await db.Successions.AsNoTracking()
            .Where(s => s.EffectiveDate > period.End && s.EffectiveDate <= unitsOn && unitIds.Contains(s.SuccessorId))
            .Select(s => new RunSuccession(s.PredecessorId, s.Predecessor!.Code, s.Successor!.Code, s.Share))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Per unit id of <paramref name="units"/>, its measure values: its own from <paramref name="values"/>, or re-expressed from its predecessors'.</summary>
    public static Dictionary<int, Dictionary<MeasureCode, MeasureValue>> ByUnit(
        IReadOnlyList<ReportingUnit> units, IReadOnlyList<RunSuccession> successions, IReadOnlyList<RunValue> values)
    {
        var byUnit = units.ToDictionary(
            u => u.Id,
            u => values.Where(v => v.UnitId == u.Id).ToDictionary(v => v.Measure, v => new MeasureValue(v.Value, v.IsDemo)));
        if (successions.Count == 0)
        {
            return byUnit;
        }

        var predecessorCodes = successions.GroupBy(s => s.PredecessorId).ToDictionary(s => s.Key, s => s.First().PredecessorCode);
        var byMeasure = values.Where(v => predecessorCodes.ContainsKey(v.UnitId))
            .GroupBy(v => v.Measure)
            .ToDictionary(m => m.Key, m => m.ToDictionary(v => predecessorCodes[v.UnitId], v => new MeasureValue(v.Value, v.IsDemo)));
        var aggregationOf = values.GroupBy(v => v.Measure).ToDictionary(m => m.Key, m => m.First().Aggregation);
        var links = successions.Select(s => new SuccessionLink(s.PredecessorCode, s.SuccessorCode, s.Share)).ToList();
        var reexpressed = MeasureReexpression.Reexpress(links, byMeasure, aggregationOf);
        foreach (var unit in units)
        {
            if (reexpressed.TryGetValue(unit.Code, out var unitValues))
            {
                byUnit[unit.Id] = unitValues;
            }
        }

        return byUnit;
    }
}

/// <summary>A predecessor of a run's unit, formed between the period's end and the run's boundary date.</summary>
internal sealed record RunSuccession(int PredecessorId, UnitCode PredecessorCode, UnitCode SuccessorCode, double Share);

/// <summary>A stored value a run reads: whose, which measure (and how it combines across units), the value, and whether it is demo.</summary>
internal readonly record struct RunValue(int UnitId, MeasureCode Measure, MeasureAggregation Aggregation, double Value, bool IsDemo);
