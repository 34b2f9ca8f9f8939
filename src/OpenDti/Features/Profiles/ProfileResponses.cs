namespace OpenDti.Features.Profiles;

/// <summary>
/// A unit's place in a framework's ranking: the latest year's scores and ranks, the years before, its
/// strengths and weaknesses against its peers, why its rank changed and what would move it up.
/// </summary>
public sealed record UnitProfile
{
    public required string Framework { get; init; }

    public required string FrameworkName { get; init; }

    public string? FrameworkNameEn { get; init; }

    public required string UnitCode { get; init; }

    public required string UnitName { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when any run shown read demo values; otherwise null.</summary>
    public string? Notice { get; init; }

    /// <summary>The latest period the unit was ranked in.</summary>
    public required string Period { get; init; }

    /// <summary>How many units that period's run ranked ("of 34").</summary>
    public required int UnitCount { get; init; }

    /// <summary>The index score and rank of the latest period.</summary>
    public required ProfileScore Index { get; init; }

    /// <summary>The pillars' scores and ranks of the latest period, in framework order.</summary>
    public required IReadOnlyList<ProfileScore> Pillars { get; init; }

    /// <summary>
    /// The index by period: the unit's own rank where it was ranked; for the years before it existed, its index
    /// re-expressed on its boundary where a comparable run exists, and its predecessors' ranks among the units of
    /// that year (e.g. of 63), one point per predecessor.
    /// </summary>
    public required IReadOnlyList<ProfileSeriesPoint> Series { get; init; }

    /// <summary>How strengths and weaknesses are chosen.</summary>
    public required string StrengthsRule { get; init; }

    public required IReadOnlyList<IndicatorGap> Strengths { get; init; }

    public required IReadOnlyList<IndicatorGap> Weaknesses { get; init; }

    /// <summary>The index change since the previous period by indicator, against the run the rankings compare with; null when there is none for the unit.</summary>
    public RankChangeExplanation? RankChange { get; init; }

    /// <summary>The smallest single-indicator rises that lift the unit at least one rank, all else equal; empty for the top unit.</summary>
    public required IReadOnlyList<MoveUpStep> MoveUp { get; init; }
}

/// <summary>A score and rank on the index or a pillar, with the rank interval when an uncertainty analysis ran.</summary>
public sealed record ProfileScore(string Code, string Name, string? NameEn, double? Score, int? Rank, double? RankLow, double? RankHigh);

/// <summary>
/// The index of one period for the unit, or (before it existed) one of its predecessors; <see cref="IsReexpressed"/>
/// when the unit's figure comes from a run of that period on the later boundaries (predecessors' values re-expressed).
/// </summary>
public sealed record ProfileSeriesPoint(string Period, string UnitCode, string UnitName, bool IsPredecessor, bool IsReexpressed, double? Score, int? Rank, int UnitCount);

/// <summary>
/// An indicator where the unit stands apart from its peers: its normalised value (0–100, higher is better)
/// minus the median of all ranked units' normalised values.
/// </summary>
public sealed record IndicatorGap(string Code, string Name, string? NameEn, string? UnitOfMeasure, double Value, double NormalisedValue, double PeerMedian, double Difference);

/// <summary>The index change between two periods, by indicator (contribution = effective weight × normalised value).</summary>
public sealed record RankChangeExplanation
{
    public required string FromPeriod { get; init; }

    /// <summary>
    /// How the earlier year is counted: <c>sameUnits</c> (the unit's own figures, or those of the province it continued
    /// under another name) or <c>reexpressed</c> (the earlier year ranked again on this year's units, the unit's figures
    /// being its predecessors' re-expressed on its boundary), as <c>comparedWith.method</c> in the rankings.
    /// </summary>
    public required string Method { get; init; }

    public required string ToPeriod { get; init; }

    public required double ScoreBefore { get; init; }

    public required double ScoreAfter { get; init; }

    public int? RankBefore { get; init; }

    public int? RankAfter { get; init; }

    public required int UnitCountBefore { get; init; }

    public required int UnitCountAfter { get; init; }

    /// <summary>Largest absolute change first; under arithmetic aggregation the changes sum to ScoreAfter − ScoreBefore.</summary>
    public required IReadOnlyList<IndicatorMove> Indicators { get; init; }
}

/// <summary>One indicator's part in a score change.</summary>
public sealed record IndicatorMove(string Code, string Name, string? NameEn, double? ValueBefore, double? ValueAfter, double ContributionBefore, double ContributionAfter, double Change);

/// <summary>
/// A rise of one indicator that lifts the unit to <see cref="NewRank"/>, other units and indicators unchanged.
/// <see cref="RequiredValue"/> is that rise in the indicator's own unit (min–max normalisation only), and
/// <see cref="RankIfApplied"/> the rank a full recomputation gives with it, which differs when the unit's
/// value sets the bottom of the scale.
/// </summary>
public sealed record MoveUpStep(
    string Code, string Name, string? NameEn, string? UnitOfMeasure, double NormalisedValue, double RequiredNormalisedValue, double Increase, int NewRank, double Value, double? RequiredValue, int? RankIfApplied);
