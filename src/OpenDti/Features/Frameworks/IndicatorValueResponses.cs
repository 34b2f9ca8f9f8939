namespace OpenDti.Features.Frameworks;

/// <summary>A unit's indicator values for the years it has data, under one framework.</summary>
public sealed record UnitIndicatorTable
{
    public required string Framework { get; init; }

    public required string FrameworkName { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when any value shown is demo data; otherwise null.</summary>
    public string? Notice { get; init; }

    public required IReadOnlyList<string> Years { get; init; }

    /// <summary>The predecessors whose figures were re-expressed on this unit's boundary for the years before it existed; empty when none were.</summary>
    public required IReadOnlyList<string> ReexpressedFrom { get; init; }

    public required IReadOnlyList<UnitIndicatorRow> Indicators { get; init; }
}

/// <summary>One indicator's values, year by year.</summary>
public sealed record UnitIndicatorRow
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? UnitOfMeasure { get; init; }

    public int Direction { get; init; }

    public required List<IndicatorYearValue> Values { get; init; }
}

/// <summary>An indicator's value in one period; null when a measure it needs is missing.</summary>
public sealed record IndicatorYearValue
{
    public required string Period { get; init; }

    public double? Value { get; init; }

    public bool IsDemo { get; init; }

    /// <summary>True when the value was computed from the predecessors' figures re-expressed on this unit's boundary.</summary>
    public bool IsReexpressed { get; init; }
}
