using OpenDti.Domain.Values;
using OpenDti.IndexEngine.Configuration;

namespace OpenDti.Features.Rankings;

/// <summary>What to compute: a framework for a period, with a pipeline and, optionally, an uncertainty analysis.</summary>
public sealed record IndexRunRequest
{
    public required string FrameworkCode { get; init; }

    public required Period Period { get; init; }

    /// <summary>
    /// The day whose units are ranked: the period's last day when null. A later day ranks the period on
    /// later boundaries, each new unit's values re-expressed from its predecessors, so that a later
    /// ranking has a comparable previous one.
    /// </summary>
    public DateOnly? UnitsOn { get; init; }

    /// <summary>The pipeline; the engine's defaults (min-max to 0–100, weighted arithmetic mean) when null.</summary>
    public PipelineConfig? Config { get; init; }

    /// <summary>Monte Carlo replications for rank intervals; 0 for none.</summary>
    public int UncertaintyRuns { get; init; }

    public ulong Seed { get; init; } = 1;

    public required string CreatedBy { get; init; }
}
