using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>
/// A unit's change of score and rank between two runs with the same metadata, decomposed by indicator: under arithmetic
/// aggregation the indicator changes sum to ScoreAfter − ScoreBefore.
/// </summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="AggregateCode">The aggregate.</param>
/// <param name="ScoreBefore">Score in the first run.</param>
/// <param name="ScoreAfter">Score in the second run.</param>
/// <param name="RankBefore">Rank in the first run.</param>
/// <param name="RankAfter">Rank in the second run.</param>
/// <param name="Indicators">Per indicator, largest absolute change first.</param>
public sealed record ScoreChange(
    string UnitCode,
    string AggregateCode,
    double ScoreBefore,
    double ScoreAfter,
    int? RankBefore,
    int? RankAfter,
    ImmutableArray<IndicatorChange> Indicators);
