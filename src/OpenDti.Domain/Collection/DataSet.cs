using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;

namespace OpenDti.Domain.Collection;

/// <summary>
/// A group of a framework's measures that units report together, for one kind of period ("DTI data of a
/// province, every year"): which measures, which units must report them, and by when.
/// </summary>
public sealed class DataSet
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The code used in URLs, files and the API ("DTI_PROVINCE").</summary>
    public required string Code { get; init; }

    /// <summary>The Vietnamese name (NFC).</summary>
    public required string Name
    {
        get;
        set => field = VietnameseText.Normalize(value);
    }

    /// <summary>The English name.</summary>
    public string? NameEn { get; set; }

    /// <summary>The framework whose measures and validation rules the data set uses.</summary>
    public int FrameworkId { get; init; }

    /// <summary>Year, quarter or month.</summary>
    public PeriodType PeriodType { get; init; }

    /// <summary>
    /// Every unit of this level in force at the end of a period must report it (communes, provinces);
    /// null when only the units in <see cref="Units"/> must.
    /// </summary>
    public UnitLevel? ReportingLevel { get; init; }

    /// <summary>
    /// The default deadline: this many days after the period ends. A deadline set for a period in
    /// <see cref="Deadlines"/> replaces it.
    /// </summary>
    public int DefaultDeadlineDays { get; set; }

    /// <summary>The measures, in form order.</summary>
    public List<DataSetMeasure> Measures { get; } = [];

    /// <summary>The units that must report.</summary>
    public List<DataSetUnit> Units { get; } = [];

    /// <summary>Deadlines set for particular periods.</summary>
    public List<DataSetDeadline> Deadlines { get; } = [];

    /// <summary>The deadline of <paramref name="period"/>: the one set for it, or the default.</summary>
    public DateOnly DeadlineOf(Period period) =>
        Deadlines.FirstOrDefault(d => d.Period == period)?.DueOn ?? period.End.AddDays(DefaultDeadlineDays);
}

/// <summary>A measure of a data set, with its place on the form and the checks made when it is entered.</summary>
public sealed class DataSetMeasure
{
    /// <summary>The data set.</summary>
    public int DataSetId { get; init; }

    /// <summary>The measure.</summary>
    public int MeasureId { get; init; }

    /// <summary>Position on the form and in templates (0-based).</summary>
    public int Order { get; init; }

    /// <summary>True when a submission needs a value.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The smallest value accepted, if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest value accepted, if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>True when only whole numbers are accepted (counts).</summary>
    public bool WholeNumber { get; init; }
}

/// <summary>A unit that must report a data set.</summary>
public sealed class DataSetUnit
{
    /// <summary>The data set.</summary>
    public int DataSetId { get; init; }

    /// <summary>The unit.</summary>
    public int UnitId { get; init; }
}

/// <summary>The deadline of one period of a data set.</summary>
public sealed class DataSetDeadline
{
    /// <summary>The data set.</summary>
    public int DataSetId { get; init; }

    /// <summary>The period.</summary>
    public required Period Period { get; init; }

    /// <summary>The last day for submitting (Vietnam time).</summary>
    public DateOnly DueOn { get; set; }
}
