using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Problems;

/// <summary>Makes <see cref="Checked{T}"/> values.</summary>
public static class CheckedResult
{
    /// <summary>A valid result.</summary>
    public static Checked<T> Valid<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Checked<T>(value, []);
    }

    /// <summary>A refused result; <paramref name="problems"/> must not be empty.</summary>
    public static Checked<T> Invalid<T>(IEnumerable<IndexProblem> problems)
        where T : class
    {
        var list = problems.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new Checked<T>(null, list);
    }
}
