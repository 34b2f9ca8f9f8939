using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.Frameworks;

/// <summary>
/// A unit's indicator values per year: each indicator's expression evaluated over the unit's stored
/// measure values, with the framework version in force for that year. A value is null when a measure
/// it needs is missing (never a partial result).
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

        var stored = await db.DataValues.AsNoTracking()
            .Where(v => v.UnitId == unitId)
            .Join(db.Measures, v => v.MeasureId, m => m.Id, (v, m) => new { m.Code, v.Period, v.Value, v.IsDemo })
            .ToListAsync(cancellationToken);
        var years = stored.Where(v => v.Period.Type == PeriodType.Year).Select(v => v.Period.Year).Distinct().Order().ToList();
        var byYear = stored
            .Where(v => v.Period.Type == PeriodType.Year)
            .GroupBy(v => v.Period.Year)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.Code, v => (v.Value, v.IsDemo)));

        var rows = new Dictionary<string, UnitIndicatorRow>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var version = framework.VersionFor(year);
            if (version is null)
            {
                continue;
            }

            var values = byYear[year];
            foreach (var node in version.Nodes.Where(n => n.Kind == FrameworkNodeKind.Indicator && n.Expression is not null).OrderBy(n => n.Position))
            {
                var expression = IndicatorExpression.Parse(node.Expression!).Expression;
                var value = expression?.Evaluate(code => values.TryGetValue(code, out var found) ? found.Value : null);
                var isDemo = expression?.Names.Any(code => values.TryGetValue(code, out var found) && found.IsDemo) ?? false;
                var row = rows.TryGetValue(node.Code.Value, out var existing)
                    ? existing
                    : rows[node.Code.Value] = new UnitIndicatorRow { Code = node.Code.Value, Name = node.Name, NameEn = node.NameEn, UnitOfMeasure = node.UnitOfMeasure, Direction = node.Direction, Values = [] };
                row.Values.Add(new IndicatorYearValue { Period = Period.OfYear(year).ToString(), Value = value, IsDemo = isDemo });
            }
        }

        var anyDemo = rows.Values.Any(r => r.Values.Any(v => v.IsDemo));
        return new UnitIndicatorTable
        {
            Framework = framework.Code,
            FrameworkName = framework.Name,
            Notice = anyDemo ? DemoNotice : null,
            Years = years.Where(y => framework.VersionFor(y) is not null).Select(y => Period.OfYear(y).ToString()).ToList(),
            Indicators = rows.Values.ToList(),
        };
    }
}
