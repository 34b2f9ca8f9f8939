using OpenDti.Features.Frameworks;
using OpenDti.Features.Profiles;
using OpenDti.Features.Rankings;

namespace OpenDti.Features.Reports;

/// <summary>
/// What a province's report for one year holds: its ranking profile (the figures of <c>/api/v1/units/{code}/profile</c>),
/// its row of the year's ranking with each rank's change (as <c>/api/v1/rankings</c>), and its Decision 749 indicators
/// with their 2025 targets where the store has them.
/// </summary>
public sealed record UnitReport
{
    public required UnitProfile Profile { get; init; }

    /// <summary>The unit's scores, ranks and rank changes in the year's ranking, the index first.</summary>
    public required RankingRow Ranking { get; init; }

    /// <summary>The run the changes compare with; null when there is none.</summary>
    public ComparedWith? ComparedWith { get; init; }

    /// <summary>The Decision 749 indicators for the year, in framework order.</summary>
    public required IReadOnlyList<ReportTarget> Targets { get; init; }

    /// <summary>True when the store holds target values; until the targets module stores them, the table lists the values only.</summary>
    public required bool HasTargetValues { get; init; }

    /// <summary>The day the report was made, in Vietnam.</summary>
    public required DateOnly MadeOn { get; init; }

    /// <summary>True when any figure in the report comes from demo data.</summary>
    public bool IsDemo => Profile.Notice is not null || Targets.Any(t => t.IsDemo);
}

/// <summary>A Decision 749 indicator of the unit in the report's year: its value, and the 2025 target when one is stored.</summary>
public sealed record ReportTarget(string Code, string Name, string? NameEn, string? UnitOfMeasure, double? Value, bool IsDemo, bool IsReexpressed, double? Target2025)
{
    /// <summary>The report's row of one indicator of <see cref="UnitIndicatorTable"/> in <paramref name="period"/>.</summary>
    public static ReportTarget From(UnitIndicatorRow row, string period)
    {
        ArgumentNullException.ThrowIfNull(row);
        var value = row.Values.FirstOrDefault(v => v.Period == period);
        return new ReportTarget(row.Code, row.Name, row.NameEn, row.UnitOfMeasure, value?.Value, value?.IsDemo ?? false, value?.IsReexpressed ?? false, null);
    }
}
