namespace OpenDti.Domain.Values;

/// <summary>The length of a reporting period.</summary>
public enum PeriodType
{
    /// <summary>A calendar year, written "2024".</summary>
    Year = 0,

    /// <summary>A calendar quarter, written "2024Q1".</summary>
    Quarter = 1,

    /// <summary>A calendar month, written "2024-03".</summary>
    Month = 2,
}
