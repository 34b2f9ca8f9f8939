using OpenDti.Domain.Rankings;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.Features.Rankings;

/// <summary>A stored run, or why none could be computed (every problem, nothing written).</summary>
public sealed record IndexRunOutcome
{
    public IndexRun? Run { get; private init; }

    public int UnitCount { get; private init; }

    public IReadOnlyList<string> Problems { get; private init; } = [];

    public static IndexRunOutcome Done(IndexRun run, int unitCount) => new() { Run = run, UnitCount = unitCount };

    public static IndexRunOutcome Refused(string problem) => new() { Problems = [problem] };

    public static IndexRunOutcome Refused(IEnumerable<IndexProblem> problems) =>
        new() { Problems = [.. problems.Select(p => $"{p.Source}{(p.Row is null ? "" : $", row {p.Row}")}{(p.Column is null ? "" : $", {p.Column}")}: {p.Message}")] };
}
