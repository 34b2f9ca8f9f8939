using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Targets;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// The reads of the targets feature: documents, targets with their status counts, one target's progress in
/// every unit it is set for, a unit's targets and the lagging lists. Progress is computed on each read from
/// the stored values (<see cref="TargetSeries"/>, <see cref="ProgressAssessment"/>), so a value saved a second
/// ago counts.
/// </summary>
public sealed class TargetQueries(OpenDtiDbContext db, TargetSeries series, TimeProvider time)
{
    private Dictionary<int, ReportingUnit>? _units;

    /// <summary>The year statuses are judged in: this year in Vietnam.</summary>
    public int AssessedIn => time.Today().Year;

    public async Task<IReadOnlyList<PolicyDocumentSummary>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(cancellationToken);
        var documents = await db.PolicyDocuments.AsNoTracking()
            .Select(d => new { Document = d, Count = d.Targets.Count })
            .ToListAsync(cancellationToken);
        return [.. documents
            .OrderBy(d => d.Document.ParentId is null ? 0 : 1).ThenBy(d => d.Document.IssuedOn).ThenBy(d => d.Document.Id)
            .Select(d => ToSummary(d.Document, d.Count, units))];
    }

    public async Task<PolicyDocumentSummary?> DocumentAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.PolicyDocuments.AsNoTracking().Include(d => d.Targets).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? null : ToSummary(document, document.Targets.Count, await UnitsAsync(cancellationToken));
    }

    /// <summary>The targets, optionally of one document or pillar, each with its status counts.</summary>
    public async Task<IReadOnlyList<TargetSummary>> ListAsync(int? documentId, string? pillar, CancellationToken cancellationToken)
    {
        var query = db.Targets.AsNoTracking().Include(t => t.Document).AsQueryable();
        if (documentId is { } id)
        {
            query = query.Where(t => t.DocumentId == id);
        }

        if (pillar is not null)
        {
            query = query.Where(t => t.Pillar == pillar);
        }

        var targets = await query.ToListAsync(cancellationToken);
        var result = new List<TargetSummary>();
        foreach (var target in Ordered(targets))
        {
            var rows = await RowsAsync(target, cancellationToken);
            result.Add(await SummaryAsync(target, rows, cancellationToken));
        }

        return result;
    }

    public async Task<TargetDashboard> DashboardAsync(CancellationToken cancellationToken)
    {
        var targets = await ListAsync(null, null, cancellationToken);
        var pillars = TargetTerms.Pillars
            .Select(p => new PillarTargets
            {
                Pillar = p,
                Targets = [.. targets.Where(t => t.Pillar == p)],
                Counts = targets.Where(t => t.Pillar == p).Aggregate(new StatusCounts(), (sum, t) => sum.Add(t.Counts)),
            })
            .Where(p => p.Targets.Count > 0)
            .ToList();
        return new TargetDashboard
        {
            Notice = targets.Any(t => t.IsDemo) ? IndicatorValues.DemoNotice : null,
            AssessedIn = AssessedIn,
            Documents = await DocumentsAsync(cancellationToken),
            Pillars = pillars,
        };
    }

    /// <summary>One target with every unit it is set for, ranked by progress; null when there is no such target.</summary>
    public async Task<TargetProgressTable?> ProgressAsync(int id, CancellationToken cancellationToken)
    {
        var target = await db.Targets.AsNoTracking().Include(t => t.Document).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var rows = await RowsAsync(target, cancellationToken);
        return new TargetProgressTable
        {
            Target = await SummaryAsync(target, rows, cancellationToken),
            Notice = rows.Any(r => r.IsDemo) ? IndicatorValues.DemoNotice : null,
            UsesReexpressedHistory = rows.Any(r => r.IsReexpressed),
            AssessedIn = AssessedIn,
            Units = rows,
        };
    }

    /// <summary>The targets that apply to a unit (its own; those for every province when it is a province in force; the nation's), with its progress.</summary>
    public async Task<UnitTargets> ForUnitAsync(ReportingUnit unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var isCurrentProvince = unit.Level == UnitLevel.Province && unit.IsValidOn(time.Today());
        var targets = await db.Targets.AsNoTracking().Include(t => t.Document)
            .Where(t => t.ScopeUnitId == unit.Id || (isCurrentProvince && t.Scope == TargetScope.EveryProvince))
            .ToListAsync(cancellationToken);
        var rows = new List<UnitTargetRow>();
        foreach (var target in Ordered(targets))
        {
            var progress = await RowAsync(target, unit, cancellationToken);
            rows.Add(new UnitTargetRow { Target = await SummaryAsync(target, [progress], cancellationToken), Progress = progress });
        }

        return new UnitTargets
        {
            Unit = unit.Code.Value,
            UnitName = unit.Name,
            Notice = rows.Any(r => r.Progress.IsDemo) ? IndicatorValues.DemoNotice : null,
            UsesReexpressedHistory = rows.Any(r => r.Progress.IsReexpressed),
            AssessedIn = AssessedIn,
            Targets = rows,
        };
    }

    /// <summary>As <see cref="ForUnitAsync"/>, by the unit's identity; null for an unknown unit.</summary>
    public async Task<UnitTargets?> ForUnitIdAsync(int unitId, CancellationToken cancellationToken) =>
        (await UnitsAsync(cancellationToken)).GetValueOrDefault(unitId) is { } unit ? await ForUnitAsync(unit, cancellationToken) : null;

    /// <summary>
    /// The units at risk or off track, worst first (lowest pace ratio, then lowest share achieved), optionally of
    /// one pillar and within one unit's subtree.
    /// </summary>
    public async Task<IReadOnlyList<UnitTargetRow>> LaggingAsync(string? pillar, int? withinUnitId, CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().Include(t => t.Document)
            .Where(t => pillar == null || t.Pillar == pillar)
            .ToListAsync(cancellationToken);
        var result = new List<UnitTargetRow>();
        foreach (var target in Ordered(targets))
        {
            var rows = await RowsAsync(target, cancellationToken);
            var summary = await SummaryAsync(target, rows, cancellationToken);
            foreach (var row in rows.Where(r => r.Status is "at-risk" or "off-track"))
            {
                var unit = units.Values.First(u => u.Code.Value == row.Unit && InScope(target, u));
                if (withinUnitId is null || Submissions.UnitDirectory.Ancestry(units, unit.Id).Contains(withinUnitId.Value))
                {
                    result.Add(new UnitTargetRow { Target = summary, Progress = row });
                }
            }
        }

        return [.. result.OrderBy(r => r.Progress.PaceRatio ?? double.NegativeInfinity).ThenBy(r => r.Progress.ShareAchieved ?? 0)];
    }

    /// <summary>Every unit, by identity, read once per request.</summary>
    public async Task<IReadOnlyDictionary<int, ReportingUnit>> UnitsAsync(CancellationToken cancellationToken) =>
        _units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);

    private async Task<IReadOnlyList<TargetProgressRow>> RowsAsync(Target target, CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(cancellationToken);
        var rows = new List<TargetProgressRow>();
        foreach (var unit in units.Values.Where(u => InScope(target, u)))
        {
            rows.Add(await RowAsync(target, unit, cancellationToken));
        }

        // Ranked by progress: the share of the target achieved, then the pace; units without data last.
        var ranked = rows.Where(r => r.Status != "no-data")
            .OrderByDescending(r => r.ShareAchieved ?? 0).ThenByDescending(r => r.Status == "achieved").ThenByDescending(r => r.PaceRatio ?? double.NegativeInfinity)
            .ThenBy(r => r.UnitName, VietnameseText.Comparer)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return [.. ranked, .. rows.Where(r => r.Status == "no-data").OrderBy(r => r.UnitName, VietnameseText.Comparer)];
    }

    private bool InScope(Target target, ReportingUnit unit) => target.Scope switch
    {
        TargetScope.EveryProvince => unit.Level == UnitLevel.Province && unit.IsValidOn(time.Today()),
        _ => unit.Id == target.ScopeUnitId,
    };

    private async Task<TargetProgressRow> RowAsync(Target target, ReportingUnit unit, CancellationToken cancellationToken)
    {
        var values = await series.ForAsync(target, unit.Id, cancellationToken);

        // A stated baseline belongs to the unit the target is set for; with every province, each starts from its own first value.
        Observation? baseline = target.Scope != TargetScope.EveryProvince && target.BaselineValue is { } b && target.BaselineYear is { } y ? new Observation(y, b) : null;
        var progress = ProgressAssessment.Assess(values.Values, baseline, target.TargetValue, target.Comparison, target.DeadlineYear, AssessedIn)
            .WithinBoundsOf(target.UnitOfMeasure);
        return new TargetProgressRow
        {
            Unit = unit.Code.Value,
            UnitName = unit.Name,
            Status = TargetTerms.Of(progress.Status),
            LatestValue = progress.Latest?.Value,
            LatestPeriod = progress.Latest is { } latest ? Period.OfYear(latest.Year).ToString() : null,
            BaselineValue = progress.Baseline?.Value,
            BaselinePeriod = progress.Baseline is { } start ? Period.OfYear(start.Year).ToString() : null,
            ShareAchieved = progress.ShareAchieved,
            PaceMethod = progress.PaceMethod,
            ObservedPace = progress.ObservedPace,
            RequiredPace = progress.RequiredPace,
            PaceRatio = progress.PaceRatio,
            Forecast = progress.Forecast,
            ForecastLow = progress.ForecastLow,
            ForecastHigh = progress.ForecastHigh,
            IsDemo = values.IsDemo,
            IsReexpressed = values.IsReexpressed,
        };
    }

    private async Task<TargetSummary> SummaryAsync(Target target, IReadOnlyList<TargetProgressRow> rows, CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(cancellationToken);
        var scopeUnit = target.ScopeUnitId is { } id ? units.GetValueOrDefault(id) : null;
        return new TargetSummary
        {
            Id = target.Id,
            Code = target.Code,
            Pillar = target.Pillar,
            Name = target.Name,
            NameEn = target.NameEn,
            UnitOfMeasure = target.UnitOfMeasure,
            Comparison = TargetTerms.Of(target.Comparison),
            TargetValue = target.TargetValue,
            DeadlineYear = target.DeadlineYear,
            Scope = TargetTerms.Of(target.Scope),
            ScopeUnit = scopeUnit?.Code.Value,
            ScopeUnitName = scopeUnit?.Name,
            BaselineValue = target.BaselineValue,
            BaselineYear = target.BaselineYear,
            Framework = target.FrameworkCode,
            Indicator = target.IndicatorCode,
            Measure = target.MeasureCode,
            DocumentId = target.DocumentId,
            DocumentNumber = target.Document?.Number ?? string.Empty,
            Source = target.Source,
            Counts = new StatusCounts
            {
                Achieved = rows.Count(r => r.Status == "achieved"),
                OnTrack = rows.Count(r => r.Status == "on-track"),
                AtRisk = rows.Count(r => r.Status == "at-risk"),
                OffTrack = rows.Count(r => r.Status == "off-track"),
                NoData = rows.Count(r => r.Status == "no-data"),
            },
            IsDemo = rows.Any(r => r.IsDemo),
        };
    }

    private static IEnumerable<Target> Ordered(IEnumerable<Target> targets) =>
        targets.OrderBy(t => t.DocumentId).ThenBy(t => t.DeadlineYear).ThenBy(t => t.Id);

    private static PolicyDocumentSummary ToSummary(PolicyDocument d, int targetCount, IReadOnlyDictionary<int, ReportingUnit> units) => new()
    {
        Id = d.Id,
        Number = d.Number,
        Title = d.Title,
        TitleEn = d.TitleEn,
        Kind = d.Kind.ToString().ToLowerInvariant(),
        Issuer = d.Issuer,
        IssuedOn = d.IssuedOn,
        ScopeUnit = units[d.ScopeUnitId].Code.Value,
        ScopeUnitName = units[d.ScopeUnitId].Name,
        ParentId = d.ParentId,
        Link = d.Link,
        Source = d.Source,
        TargetCount = targetCount,
    };
}
