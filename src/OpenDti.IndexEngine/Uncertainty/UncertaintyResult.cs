using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>The result of <see cref="UncertaintyAnalysis.Run"/>.</summary>
/// <param name="AggregateCode">The aggregate whose ranks were studied (the index unless chosen).</param>
/// <param name="BaseSamples">n, the rows of each base matrix.</param>
/// <param name="Evaluations">n (k + 2) pipeline evaluations, k = number of factors; all of them feed the rank quantiles.</param>
/// <param name="Units">Rank interval per unit, in input order.</param>
/// <param name="Sensitivity">One index per factor.</param>
public sealed record UncertaintyResult(
    string AggregateCode,
    int BaseSamples,
    int Evaluations,
    ImmutableArray<UnitRankInterval> Units,
    ImmutableArray<SensitivityIndex> Sensitivity);
