using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Audit;

/// <summary>The statistical coherence of one aggregate.</summary>
/// <param name="Code">The aggregate.</param>
/// <param name="CronbachAlpha">
/// k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ) over its k children, s² sample variances (n − 1) and t the unweighted sum of the children,
/// on the units that have every child (COINr <c>get_cronbach</c>, psych <c>alpha</c> raw); NaN for one child or fewer than 2 units.
/// </param>
/// <param name="Children">Each child's correlations with this aggregate and with the index.</param>
public sealed record AggregateAudit(string Code, double CronbachAlpha, ImmutableArray<ChildCorrelation> Children);
