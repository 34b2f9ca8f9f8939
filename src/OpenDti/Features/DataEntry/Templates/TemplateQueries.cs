using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// The units and values of a template for a (data set, period): by default every unit of the actor's Enter
/// subtrees that must report the data set for the period; <c>units=</c> narrows it, and a unit the actor may
/// not enter is refused, never silently dropped.
/// </summary>
public sealed class TemplateQueries(OpenDtiDbContext db, DataSetCatalog catalog, UnitHierarchy hierarchy, TimeProvider time)
{
    public async Task<(TemplateContent? Content, TemplateRefusal? Refusal)> LoadAsync(
        string dataSetCode, string? periodText, string? unitsText, SignedIn actor, CancellationToken cancellationToken)
    {
        var (dataSet, period, refusal) = await DataSetAndPeriodAsync(catalog, time, dataSetCode, periodText, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var reporting = await ReportingUnitsAsync(dataSet!, period, cancellationToken);
        List<ReportingUnit> units;
        if (string.IsNullOrWhiteSpace(unitsText))
        {
            units = [];
            foreach (var unit in reporting)
            {
                if (actor.Allows(Ability.Enter, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
                {
                    units.Add(unit);
                }
            }

            if (units.Count == 0)
            {
                return (null, new TemplateRefusal(StatusCodes.Status403Forbidden,
                    $"Bạn không được nhập số liệu cho đơn vị nào phải báo cáo {dataSet!.DataSet.Code} kỳ {period} / you may enter data for no unit that reports {dataSet.DataSet.Code} for {period}."));
            }
        }
        else
        {
            (units, refusal) = await ChosenUnitsAsync(dataSet!, period, unitsText, reporting, actor, cancellationToken);
            if (refusal is not null)
            {
                return (null, refusal);
            }
        }

        var unitIds = units.Select(u => u.Id).ToList();
        var measureIds = dataSet!.Fields.Select(f => f.Measure.Id).ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.Period == period && unitIds.Contains(v.UnitId) && measureIds.Contains(v.MeasureId))
            .ToListAsync(cancellationToken);
        return (new TemplateContent(
            dataSet, period, units, values.ToDictionary(v => (v.UnitId, v.MeasureId)), time.GetUtcNow(), actor.Name), null);
    }

    /// <summary>The data set and period of a template or an upload, or why they cannot be used.</summary>
    public static async Task<(DataSetView? DataSet, Period Period, TemplateRefusal? Refusal)> DataSetAndPeriodAsync(
        DataSetCatalog catalog, TimeProvider time, string dataSetCode, string? periodText, CancellationToken cancellationToken)
    {
        var dataSet = await catalog.FindAsync(dataSetCode, cancellationToken);
        if (dataSet is null)
        {
            return (null, default, new TemplateRefusal(StatusCodes.Status404NotFound, $"Không có bộ số liệu '{dataSetCode}' / no data set '{dataSetCode}'."));
        }

        var type = dataSet.DataSet.PeriodType;
        if (!Period.TryParse(periodText?.Trim(), out var period) || period.Type != type)
        {
            return (dataSet, default, new TemplateRefusal(StatusCodes.Status400BadRequest,
                $"period: cần một kỳ {ExamplePeriod(type)} của {dataSet.DataSet.Code} / expected a period of {dataSet.DataSet.Code} such as {ExamplePeriod(type)}; nhận được / found '{periodText}'."));
        }

        if (period.Start > time.Today())
        {
            return (dataSet, default, new TemplateRefusal(StatusCodes.Status400BadRequest,
                $"period: kỳ {period} chưa bắt đầu / expected a period that has started; found {period}."));
        }

        return (dataSet, period, null);
    }

    /// <summary>Every unit that must report <paramref name="dataSet"/> for <paramref name="period"/>, in code order.</summary>
    public async Task<List<ReportingUnit>> ReportingUnitsAsync(DataSetView dataSet, Period period, CancellationToken cancellationToken)
    {
        var level = dataSet.DataSet.ReportingLevel;
        var listed = dataSet.DataSet.Units.Select(u => u.UnitId).ToList();
        var candidates = await db.Units.AsNoTracking()
            .Where(u => (level != null && u.Level == level) || listed.Contains(u.Id))
            .ToListAsync(cancellationToken);
        return [.. candidates.Where(u => dataSet.IsReportedBy(u, period)).OrderBy(u => u.Code.Value, StringComparer.Ordinal)];
    }

    private async Task<(List<ReportingUnit> Units, TemplateRefusal? Refusal)> ChosenUnitsAsync(
        DataSetView dataSet, Period period, string unitsText, List<ReportingUnit> reporting, SignedIn actor, CancellationToken cancellationToken)
    {
        var byCode = reporting.ToDictionary(u => u.Code.Value, StringComparer.Ordinal);
        var codes = unitsText.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = codes.Where(c => !byCode.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return ([], new TemplateRefusal(StatusCodes.Status400BadRequest,
                $"units: cần mã các đơn vị phải báo cáo {dataSet.DataSet.Code} kỳ {period} / expected codes of units that report {dataSet.DataSet.Code} for {period}; nhận được / found {string.Join(", ", unknown)}."));
        }

        var units = codes.Select(c => byCode[c]).OrderBy(u => u.Code.Value, StringComparer.Ordinal).ToList();
        var forbidden = new List<ReportingUnit>();
        foreach (var unit in units)
        {
            if (!actor.Allows(Ability.Enter, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
            {
                forbidden.Add(unit);
            }
        }

        return forbidden.Count > 0
            ? ([], new TemplateRefusal(StatusCodes.Status403Forbidden,
                $"units: bạn không được nhập số liệu cho / you may not enter data for {string.Join(", ", forbidden.Select(u => $"{u.Code} {u.Name}"))}."))
            : (units, null);
    }

    private static string ExamplePeriod(PeriodType type) => type switch
    {
        PeriodType.Quarter => "2025Q1",
        PeriodType.Month => "2025-03",
        _ => "2025",
    };
}
