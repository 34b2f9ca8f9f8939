namespace OpenDti.Domain.Geography;

/// <summary>The value of one successor, re-expressed from its predecessors' values.</summary>
/// <param name="Successor">The successor's code.</param>
/// <param name="Value">The re-expressed value; null exactly when <paramref name="Gap"/> is not
/// <see cref="ReexpressionGap.None"/>.</param>
/// <param name="Predecessors">Every predecessor linked to the successor, in ordinal code order.</param>
/// <param name="MissingPredecessors">The predecessors whose value (or, for
/// <see cref="ReexpressionGap.MissingWeights"/>, weight) is missing, in ordinal code order; empty otherwise.</param>
/// <param name="Gap">Why <paramref name="Value"/> is null, or <see cref="ReexpressionGap.None"/>.</param>
public sealed record ReexpressedValue(
    UnitCode Successor,
    double? Value,
    IReadOnlyList<UnitCode> Predecessors,
    IReadOnlyList<UnitCode> MissingPredecessors,
    ReexpressionGap Gap);
