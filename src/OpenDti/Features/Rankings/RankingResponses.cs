using System.Text.Json;

namespace OpenDti.Features.Rankings;

/// <summary>The ranking of one framework for one period, from its latest index run.</summary>
public sealed record RankingTable
{
    public required string Framework { get; init; }

    public required string FrameworkName { get; init; }

    public required string Version { get; init; }

    public required string Period { get; init; }

    public required int RunId { get; init; }

    public required DateTime ComputedAtUtc { get; init; }

    /// <summary>The day whose units were ranked: 63 provinces before 1 July 2025, 34 after.</summary>
    public required DateOnly UnitsOn { get; init; }

    /// <summary>How many units were ranked ("of 63", "of 34").</summary>
    public required int UnitCount { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when the run read demo values; otherwise null.</summary>
    public string? Notice { get; init; }

    /// <summary>What the run assumed, e.g. that unknown official weights counted equally.</summary>
    public string? Notes { get; init; }

    /// <summary>Monte Carlo replications behind the rank intervals; 0 when there are none.</summary>
    public int UncertaintyRuns { get; init; }

    /// <summary>The pipeline configuration the run used.</summary>
    public required JsonElement Pipeline { get; init; }

    /// <summary>The aggregates ranked: the index first, then pillars and groups in framework order.</summary>
    public required IReadOnlyList<RankedAggregate> Aggregates { get; init; }

    /// <summary>One row per unit, best index rank first.</summary>
    public required IReadOnlyList<RankingRow> Rows { get; init; }

    /// <summary>The previous period's run the rank changes compare with; null when there is none.</summary>
    public ComparedWith? ComparedWith { get; init; }
}

/// <summary>
/// The run a ranking's changes compare with: the previous period, its run and boundary date, and how:
/// <see cref="SameUnits"/> (each unit against its own previous rank; a unit that did not exist is new)
/// or <see cref="Reexpressed"/> (the previous period ranked again on this period's units, each new unit's
/// values re-expressed from its predecessors).
/// </summary>
public sealed record ComparedWith(string Period, int RunId, DateOnly UnitsOn, int UnitCount, string Method)
{
    public const string SameUnits = "sameUnits";
    public const string Reexpressed = "reexpressed";
}

/// <summary>A framework that has rankings.</summary>
public sealed record RankedFramework(string Code, string Name, string? NameEn);

/// <summary>An aggregate of the ranking: the index, a pillar or a group.</summary>
public sealed record RankedAggregate(string Code, string Name, string? NameEn, string Kind);

/// <summary>A unit's scores and ranks on every aggregate.</summary>
public sealed record RankingRow
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<RankingScore> Scores { get; init; }
}

/// <summary>
/// A score and rank on one aggregate, with the rank interval when an uncertainty analysis ran (5th and
/// 95th percentile, median), the rank in the compared run and the change: previous rank − rank, so
/// positive means the unit moved up; null when the unit has no previous rank (new).
/// </summary>
public sealed record RankingScore(string Node, double? Score, int? Rank, double? RankLow, double? RankMedian, double? RankHigh)
{
    public int? PreviousRank { get; init; }

    public int? RankChange { get; init; }
}
