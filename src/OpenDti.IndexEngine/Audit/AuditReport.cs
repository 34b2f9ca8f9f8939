using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Audit;

/// <summary>The statistical audit of a run: coherence per aggregate and data quality per indicator.</summary>
/// <param name="Aggregates">One entry per aggregate, children before parents, the index last.</param>
/// <param name="Indicators">One entry per indicator, in metadata order.</param>
public sealed record AuditReport(ImmutableArray<AggregateAudit> Aggregates, ImmutableArray<IndicatorAudit> Indicators);
