namespace OpenDti.Domain.Rankings;

/// <summary>A unit's score and rank on one node (an indicator's normalised value, or an aggregate) in an index run.</summary>
public sealed class IndexRunScore
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The run.</summary>
    public required int IndexRunId { get; init; }

    /// <summary>The unit.</summary>
    public required int UnitId { get; init; }

    /// <summary>The node's code: an aggregate of the framework, or <see cref="IndexRuns.IndexCode"/> for the whole index.</summary>
    public required string NodeCode { get; init; }

    /// <summary>The score (0–100 with the default normalisation); null when the unit had too little data.</summary>
    public double? Score { get; init; }

    /// <summary>The rank among the run's units (1 is best; ties share the best rank); null without a score.</summary>
    public int? Rank { get; init; }

    /// <summary>The 5th percentile rank of the uncertainty analysis (the best plausible rank), if it ran.</summary>
    public double? RankLow { get; init; }

    /// <summary>The median rank of the uncertainty analysis, if it ran.</summary>
    public double? RankMedian { get; init; }

    /// <summary>The 95th percentile rank of the uncertainty analysis (the worst plausible rank), if it ran.</summary>
    public double? RankHigh { get; init; }
}
