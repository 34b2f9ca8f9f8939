using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>What a template holds: a data set, a period, the units (in code order) with their current values.</summary>
public sealed record TemplateContent(
    DataSetView DataSet,
    Period Period,
    IReadOnlyList<ReportingUnit> Units,
    IReadOnlyDictionary<(int UnitId, int MeasureId), DataValue> Values,
    DateTimeOffset GeneratedAt,
    string UserName)
{
    /// <summary>True when some pre-filled value is demo data (the template then says so).</summary>
    public bool HasDemo => Values.Values.Any(v => v.IsDemo);

    /// <summary>The file name without extension: CT749_COMMUNE_2025.</summary>
    public string FileStem => $"{DataSet.DataSet.Code}_{Period}";

    /// <summary>The value of a unit and a measure, or null.</summary>
    public DataValue? ValueOf(ReportingUnit unit, DataSetField field) => Values.GetValueOrDefault((unit.Id, field.Measure.Id));
}

/// <summary>Why a template cannot be made: an HTTP status and a message naming what was expected and found.</summary>
public sealed record TemplateRefusal(int Status, string Detail);
