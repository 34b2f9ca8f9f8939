using OpenDti.Domain.Values;

namespace OpenDti.Domain.Rankings;

/// <summary>
/// One computation of a framework version's index for a period: the pipeline it used, the units it
/// ranked, and (in <see cref="IndexRunInput"/>) every stored value it read, so that a published rank
/// can be traced back to its inputs.
/// </summary>
public sealed class IndexRun
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The framework version computed.</summary>
    public required int FrameworkVersionId { get; init; }

    /// <summary>The reporting period computed.</summary>
    public required Period Period { get; init; }

    /// <summary>The day whose units were ranked (the period's last day): 63 provinces before 1 July 2025, 34 after.</summary>
    public required DateOnly UnitsOn { get; init; }

    /// <summary>The pipeline configuration, as the JSON the engine reads.</summary>
    public required string PipelineJson { get; init; }

    /// <summary>What the run assumed that a reader must know, e.g. "weights unknown: equal weights used".</summary>
    public string? Notes { get; init; }

    /// <summary>Monte Carlo replications of the uncertainty analysis; 0 when none ran.</summary>
    public int UncertaintyRuns { get; init; }

    /// <summary>The seed of the uncertainty analysis.</summary>
    public long UncertaintySeed { get; init; }

    /// <summary>True when any input value was demo data.</summary>
    public bool IsDemo { get; init; }

    /// <summary>Who started it (a user name, or "seed" for the demo runs).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it ran (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }
}
