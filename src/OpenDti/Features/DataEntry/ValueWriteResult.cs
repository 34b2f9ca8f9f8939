using OpenDti.Domain.Problems;

namespace OpenDti.Features.DataEntry;

/// <summary>Why a value was refused; the worst kind decides the HTTP status of a batch.</summary>
public enum Refusal
{
    /// <summary>The value itself is wrong (type, range, unknown code): 422.</summary>
    Invalid = 0,

    /// <summary>Somebody changed the value since the writer read it: 409, with the newer value.</summary>
    Conflict = 1,

    /// <summary>The submission is submitted or approved and locked: 409.</summary>
    Locked = 2,

    /// <summary>The actor may not write this unit: 403.</summary>
    Forbidden = 3,
}

/// <summary>A refused value: where, what was expected and found, and for a conflict the newer value.</summary>
public sealed record ValueProblem(InputProblem Problem, Refusal Refusal, double? CurrentValue = null, Guid? CurrentVersion = null, string? CurrentBy = null);

/// <summary>A validation rule broken by the values as they now stand (blocks submission, not saving).</summary>
public sealed record RuleBreach(string Unit, string Period, string Code, string Message, string? MessageEn, string Rule);

/// <summary>The outcome of a batch: every problem (then nothing was written), or how many values changed.</summary>
public sealed record ValueWriteResult(int Written, int Unchanged, IReadOnlyList<ValueProblem> Problems, IReadOnlyList<RuleBreach> Breaches)
{
    /// <summary>True when the batch went in whole.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The worst refusal, when the batch was refused.</summary>
    public Refusal? Worst => Problems.Count == 0 ? null : Problems.Max(p => p.Refusal);

    internal static ValueWriteResult Refused(IReadOnlyList<ValueProblem> problems) => new(0, 0, problems, []);
}
