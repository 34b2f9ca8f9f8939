using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Targets;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Store;

namespace OpenDti.Features.Targets;

/// <summary>
/// The yearly values a target is measured with, for one unit: the framework indicator's values (from
/// <see cref="IndicatorValues"/>) or the plain measure's. Either way, for the years before a 2025 province
/// existed its predecessors' figures are re-expressed on its boundary, so a new province has a history.
/// Each unit's table is read once per request, however many targets use it.
/// </summary>
public sealed class TargetSeries(OpenDtiDbContext db, IndicatorValues indicators)
{
    private readonly Dictionary<(int, string), UnitIndicatorTable?> _tables = [];

    /// <summary>The unit's values of what measures <paramref name="target"/>, oldest first; empty when it is not measured.</summary>
    public async Task<UnitSeries> ForAsync(Target target, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.FrameworkCode is { } framework && target.IndicatorCode is { } indicator)
        {
            var key = (unitId, framework);
            if (!_tables.TryGetValue(key, out var table))
            {
                table = _tables[key] = await indicators.ForUnitAsync(unitId, framework, cancellationToken);
            }

            var row = table?.Indicators.FirstOrDefault(i => string.Equals(i.Code, indicator, StringComparison.Ordinal));
            var points = (row?.Values ?? []).Where(v => v.Value is not null && Period.TryParse(v.Period, out _)).ToList();
            return new UnitSeries(
                [.. points.Select(v => new Observation(Period.Parse(v.Period).Year, v.Value!.Value))],
                points.Any(v => v.IsDemo),
                points.Any(v => v.IsReexpressed));
        }

        return target.MeasureCode is { } measure ? await MeasureSeriesAsync(new MeasureCode(measure), unitId, cancellationToken) : UnitSeries.Empty;
    }

    private async Task<UnitSeries> MeasureSeriesAsync(MeasureCode code, int unitId, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
        if (measure is null)
        {
            return UnitSeries.Empty;
        }

        var own = await YearValuesAsync([unitId], measure.Id, cancellationToken);
        var result = own.Select(v => (v.Key, Value: v.Value.Values.Single(), Reexpressed: false)).ToList();
        var links = await db.Successions.AsNoTracking().Where(s => s.SuccessorId == unitId)
            .Select(s => new { s.PredecessorId, Link = new SuccessionLink(s.Predecessor!.Code, s.Successor!.Code, s.Share), s.EffectiveDate })
            .ToListAsync(cancellationToken);
        if (links.Count > 0)
        {
            var before = await YearValuesAsync([.. links.Select(l => l.PredecessorId)], measure.Id, cancellationToken);
            var firstOwnYear = links.Min(l => l.EffectiveDate).Year;
            var ownYears = result.Select(r => r.Key).ToHashSet();
            foreach (var (year, values) in before.Where(b => b.Key < firstOwnYear && !ownYears.Contains(b.Key)))
            {
                var reexpressed = MeasureReexpression.Reexpress(
                    [.. links.Select(l => l.Link)],
                    new Dictionary<MeasureCode, Dictionary<UnitCode, MeasureValue>> { [code] = values },
                    new Dictionary<MeasureCode, MeasureAggregation> { [code] = measure.Aggregation });
                if (reexpressed.Values.SingleOrDefault()?.TryGetValue(code, out var value) == true)
                {
                    result.Add((year, value, true));
                }
            }
        }

        var ordered = result.OrderBy(r => r.Key).ToList();
        return new UnitSeries([.. ordered.Select(r => new Observation(r.Key, r.Value.Value))], ordered.Any(r => r.Value.IsDemo), ordered.Any(r => r.Reexpressed));
    }

    // year → unit → value
    private async Task<Dictionary<int, Dictionary<UnitCode, MeasureValue>>> YearValuesAsync(IReadOnlyList<int> unitIds, int measureId, CancellationToken cancellationToken)
    {
        var stored = await db.DataValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.UnitId) && v.MeasureId == measureId)
            .Join(db.Units, v => v.UnitId, u => u.Id, (v, u) => new { u.Code, v.Period, v.Value, v.IsDemo })
            .ToListAsync(cancellationToken);
        return stored.Where(v => v.Period.Type == PeriodType.Year)
            .GroupBy(v => v.Period.Year)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.Code, v => new MeasureValue(v.Value, v.IsDemo)));
    }
}

/// <summary>A unit's yearly values of a target's indicator or measure.</summary>
/// <param name="Values">Oldest first.</param>
/// <param name="IsDemo">True when any value is demo data.</param>
/// <param name="IsReexpressed">True when any value was re-expressed from predecessors.</param>
public sealed record UnitSeries(IReadOnlyList<Observation> Values, bool IsDemo, bool IsReexpressed)
{
    public static UnitSeries Empty { get; } = new([], false, false);
}
