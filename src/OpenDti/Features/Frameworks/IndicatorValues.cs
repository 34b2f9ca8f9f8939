using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.Frameworks;

/// <summary>
/// A unit's indicator values per year: each indicator's expression evaluated over the unit's stored
/// measure values, with the framework version in force for that year. For the years before a unit
/// existed, its predecessors' measure values are re-expressed on its boundary first (counts add up,
/// scores are averaged with equal weights, measures that cannot combine are left out), so a ratio is
/// recomputed from its numerator and denominator, never averaged. A value is null when a measure it
/// needs is missing, never a partial result.
/// </summary>
public sealed class IndicatorValues(OpenDtiDbContext db)
{
    /// <summary>The notice every response and page that shows demo values carries.</summary>
    public const string DemoNotice = "dữ liệu minh họa / demo data";

    public async Task<UnitIndicatorTable?> ForUnitAsync(int unitId, string frameworkCode, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions).ThenInclude(v => v.Nodes)
            .SingleOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var own = await YearValuesAsync([unitId], measures, cancellationToken);
        var predecessors = await db.Successions.AsNoTracking()
            .Where(s => s.SuccessorId == unitId)
            .Select(s => new { s.PredecessorId, PredecessorCode = s.Predecessor!.Code, s.Predecessor.Name, SuccessorCode = s.Successor!.Code, s.Share, s.EffectiveDate })
            .ToListAsync(cancellationToken);
        var reexpressed = new Dictionary<int, Dictionary<MeasureCode, MeasureValue>>();
        if (predecessors.Count > 0)
        {
            var links = predecessors.Select(p => new SuccessionLink(p.PredecessorCode, p.SuccessorCode, p.Share)).ToList();
            var before = await YearValuesAsync(predecessors.Select(p => p.PredecessorId).ToList(), measures, cancellationToken);
            var firstOwnYear = predecessors.Min(p => p.EffectiveDate).Year;
            foreach (var (year, values) in before.Where(b => b.Key < firstOwnYear && !own.ContainsKey(b.Key)))
            {
                reexpressed[year] = Reexpress(links, values, measures);
            }
        }

        var years = own.Keys.Concat(reexpressed.Keys).Where(y => framework.VersionFor(y) is not null).Distinct().Order().ToList();
        var rows = new Dictionary<string, UnitIndicatorRow>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var isReexpressed = !own.ContainsKey(year);
            var values = isReexpressed ? reexpressed[year] : own[year].ToDictionary(v => v.Key, v => v.Value.Values.Single());
            foreach (var node in framework.VersionFor(year)!.Nodes.Where(n => n.Kind == FrameworkNodeKind.Indicator && n.Expression is not null).OrderBy(n => n.Position))
            {
                var expression = IndicatorExpression.Parse(node.Expression!).Expression;
                var value = expression?.Evaluate(code => values.TryGetValue(code, out var found) ? found.Value : null);
                var isDemo = expression?.Names.Any(code => values.TryGetValue(code, out var found) && found.IsDemo) ?? false;
                if (!rows.TryGetValue(node.Code.Value, out var row))
                {
                    row = rows[node.Code.Value] = new UnitIndicatorRow
                    {
                        Code = node.Code.Value,
                        Name = node.Name,
                        NameEn = node.NameEn,
                        UnitOfMeasure = node.UnitOfMeasure,
                        Direction = node.Direction,
                        Values = [],
                    };
                }

                row.Values.Add(new IndicatorYearValue { Period = Period.OfYear(year).ToString(), Value = value, IsDemo = isDemo, IsReexpressed = isReexpressed });
            }
        }

        return new UnitIndicatorTable
        {
            Framework = framework.Code,
            FrameworkName = framework.Name,
            Notice = rows.Values.Any(r => r.Values.Any(v => v.IsDemo)) ? DemoNotice : null,
            Years = years.Select(y => Period.OfYear(y).ToString()).ToList(),
            ReexpressedFrom = reexpressed.Count == 0 ? [] : predecessors.Select(p => p.Name).Order(Domain.Text.VietnameseText.Comparer).ToList(),
            Indicators = rows.Values.ToList(),
        };
    }

    private static Dictionary<MeasureCode, MeasureValue> Reexpress(
        IReadOnlyList<SuccessionLink> links, Dictionary<MeasureCode, Dictionary<UnitCode, MeasureValue>> values, Dictionary<int, Measure> measures) =>
        MeasureReexpression.Reexpress(links, values, measures.Values.ToDictionary(m => m.Code, m => m.Aggregation)).Values.SingleOrDefault() ?? [];

    // year → measure → unit → value
    private async Task<Dictionary<int, Dictionary<MeasureCode, Dictionary<UnitCode, MeasureValue>>>> YearValuesAsync(
        IReadOnlyList<int> unitIds, Dictionary<int, Measure> measures, CancellationToken cancellationToken)
    {
        var stored = await db.DataValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.UnitId))
            .Join(db.Units, v => v.UnitId, u => u.Id, (v, u) => new { u.Code, v.MeasureId, v.Period, v.Value, v.IsDemo })
            .ToListAsync(cancellationToken);
        return stored
            .Where(v => v.Period.Type == PeriodType.Year)
            .GroupBy(v => v.Period.Year)
            .ToDictionary(
                year => year.Key,
                year => year.GroupBy(v => measures[v.MeasureId].Code).ToDictionary(
                    measure => measure.Key,
                    measure => measure.ToDictionary(v => v.Code, v => new MeasureValue(v.Value, v.IsDemo))));
    }
}
