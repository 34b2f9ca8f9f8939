namespace OpenDti.IndexEngine.Model;

/// <summary>
/// One row of the indicator metadata, in COINr's terms (<c>iCode</c>, <c>iName</c>, <c>Level</c>, <c>Parent</c>,
/// <c>Weight</c>, <c>Direction</c>, <c>Type</c>, <c>Goalpost_lo</c>, <c>Goalpost_hi</c>, <c>Target</c>).
/// </summary>
public sealed record IndexNode
{
    /// <summary>Unique code; for an indicator, the name of its column in the data table.</summary>
    public required string Code { get; init; }

    /// <summary>Name for people.</summary>
    public string Name { get; init; } = "";

    /// <summary>1 for indicators; 2 and above for aggregates (the index has the highest level).</summary>
    public required int Level { get; init; }

    /// <summary>Code of the aggregate this node feeds; <see langword="null"/> only for the index (the root).</summary>
    public string? Parent { get; init; }

    /// <summary>Weight within the parent, relative to the siblings (they need not sum to 1); finite and not negative.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>+1 when a higher value is better, −1 when lower is better.</summary>
    public int Direction { get; init; } = 1;

    /// <summary>Indicator or aggregate.</summary>
    public required NodeType Type { get; init; }

    /// <summary>Lower goalpost for goalpost normalisation (in the indicator's own units).</summary>
    public double? GoalpostLow { get; init; }

    /// <summary>Upper goalpost for goalpost normalisation (in the indicator's own units).</summary>
    public double? GoalpostHigh { get; init; }

    /// <summary>Target for distance-to-target normalisation (in the indicator's own units).</summary>
    public double? Target { get; init; }
}
