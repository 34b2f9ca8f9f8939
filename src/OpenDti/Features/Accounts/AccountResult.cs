using OpenDti.Domain.Problems;

namespace OpenDti.Features.Accounts;

/// <summary>Why an account operation refused: the thing is not visible to the actor, not theirs to change, or the input is wrong.</summary>
public enum AccountRefusal
{
    /// <summary>No such account, role or key among those the actor may see.</summary>
    NotFound,

    /// <summary>Visible, but the actor may not do this (outside their units, their own account, an API key).</summary>
    Forbidden,

    /// <summary>The input is wrong; every problem is listed.</summary>
    Invalid,
}

/// <summary>The outcome of an account operation: done, or refused with every problem.</summary>
public sealed record AccountResult(AccountRefusal? Refusal, IReadOnlyList<InputProblem> Problems)
{
    public static AccountResult Done { get; } = new(null, []);

    public bool Succeeded => Refusal is null;

    public static AccountResult Refuse(AccountRefusal refusal, string field, string code, string expected, string? found = null) =>
        new(refusal, [new InputProblem(code, new ProblemPlace(Field: field), expected, found)]);

    public static AccountResult Invalid(IReadOnlyList<InputProblem> problems) => new(AccountRefusal.Invalid, problems);

    /// <summary>The problems as lines for a page: "field: expected; found 'x'".</summary>
    public IEnumerable<string> Messages => Problems.Select(Describe);

    public static string Describe(InputProblem problem) =>
        problem.Found is null
            ? $"{problem.Place.Field}: {problem.Expected}"
            : $"{problem.Place.Field}: {problem.Expected}; nhận được / found '{problem.Found}'";
}
