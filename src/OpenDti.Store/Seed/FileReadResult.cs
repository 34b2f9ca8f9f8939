using System.Diagnostics.CodeAnalysis;
using OpenDti.Domain.Problems;

namespace OpenDti.Store.Seed;

/// <summary>What reading a file gave: a value, or the problems that kept it from being read.</summary>
public sealed class FileReadResult<T>
    where T : class
{
    private FileReadResult(T? value, IReadOnlyList<InputProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>True when the file was read; <see cref="Value"/> is then set and <see cref="Problems"/> empty.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>What was read, or null when there is a problem.</summary>
    public T? Value { get; }

    /// <summary>What is wrong with the file (reading stops at the first JSON error); empty on success.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    internal static FileReadResult<T> Success(T value) => new(value, []);

    internal static FileReadResult<T> Failure(InputProblem problem) => new(null, [problem]);
}
