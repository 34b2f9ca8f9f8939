using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OpenDti.IndexEngine.Problems;

/// <summary>Either a value or the complete list of problems that prevented it (never both, never neither).</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class Checked<T>
    where T : class
{
    internal Checked(T? value, ImmutableArray<IndexProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value when there were no problems; otherwise <see langword="null"/>.</summary>
    public T? Value { get; }

    /// <summary>Every problem found; empty when <see cref="Value"/> is set.</summary>
    public ImmutableArray<IndexProblem> Problems { get; }

    /// <summary>Whether the value is there.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;
}
