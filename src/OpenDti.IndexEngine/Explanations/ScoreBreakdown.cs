using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Explanations;

/// <summary>A unit's score on an aggregate, split by indicator.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="AggregateCode">The aggregate.</param>
/// <param name="Score">The unit's score.</param>
/// <param name="Indicators">The indicators under the aggregate, metadata order.</param>
/// <param name="IsExact">
/// True under arithmetic aggregation, where the contributions sum to the score (up to rounding); under the other
/// methods the effective weights still say how much each indicator counts, but the sum is not the score.
/// </param>
public sealed record ScoreBreakdown(string UnitCode, string AggregateCode, double Score, ImmutableArray<IndicatorContribution> Indicators, bool IsExact);
