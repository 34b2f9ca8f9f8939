using System.Diagnostics.CodeAnalysis;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>The outcome of <see cref="FrameworkChecker.Check"/>: a checked framework, or every problem found.</summary>
public sealed class FrameworkCheckResult
{
    private FrameworkCheckResult(CheckedFramework? framework, IReadOnlyList<InputProblem> problems)
    {
        Framework = framework;
        Problems = problems;
    }

    /// <summary>True when the definition has no problems; <see cref="Framework"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Framework))]
    public bool Succeeded => Framework is not null;

    /// <summary>The checked framework, or null when there are problems.</summary>
    public CheckedFramework? Framework { get; }

    /// <summary>Every problem found; empty on success.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    internal static FrameworkCheckResult Success(CheckedFramework framework) => new(framework, []);

    internal static FrameworkCheckResult Failure(IReadOnlyList<InputProblem> problems) => new(null, problems);
}
