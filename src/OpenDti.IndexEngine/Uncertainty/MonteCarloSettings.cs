namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>How many replications, from which seed, on what.</summary>
/// <param name="Runs">Budget of pipeline evaluations; n = ⌊Runs / (k + 2)⌋ base samples are used, at least 2.</param>
/// <param name="Seed">Master seed; replication j's draws come from a stream derived from it, so results do not depend on thread count.</param>
/// <param name="AggregateCode">Aggregate whose ranks are studied; null for the index.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use; −1 for all cores. Never changes the result.</param>
public sealed record MonteCarloSettings(int Runs, ulong Seed, string? AggregateCode = null, int MaxDegreeOfParallelism = -1);
