using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Geography;

/// <summary>
/// The outcome of a <see cref="BoundaryReexpression"/>: either the problems found in the succession
/// links, or one value per successor — never both.
/// </summary>
public sealed class ReexpressionResult
{
    internal ReexpressionResult(IReadOnlyList<ReexpressedValue> values, IReadOnlyList<InputProblem> problems)
    {
        Values = values;
        Problems = problems;
    }

    /// <summary>
    /// One entry per distinct successor in the links, in ordinal code order; empty when
    /// <see cref="Problems"/> is not.
    /// </summary>
    public IReadOnlyList<ReexpressedValue> Values { get; }

    /// <summary>What is wrong with the succession links (see <see cref="SuccessionRules.CheckLinks"/>); empty when the links are sound.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}
