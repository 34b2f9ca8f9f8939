namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// The ranks of one unit across the Monte Carlo evaluations. Quantiles are R <c>quantile(type = 7)</c> of the ranks the
/// unit received (evaluations where its score was missing are left out), as COINr <c>get_sensitivity</c> reports them.
/// </summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="NominalRank">Rank under the configured pipeline; null when unranked.</param>
/// <param name="MedianRank">Median rank.</param>
/// <param name="P05Rank">5th percentile rank.</param>
/// <param name="P95Rank">95th percentile rank.</param>
public sealed record UnitRankInterval(string UnitCode, int? NominalRank, double MedianRank, double P05Rank, double P95Rank);
