namespace OpenDti.Domain.Problems;

/// <summary>
/// One thing wrong with input a person or a system gave us — a file cell, a form field, an API item, an
/// indicator expression — with its place, what was expected and what was found. Bad input is expected,
/// so it is returned as a list of these, never thrown. <see cref="Code"/> is stable ("expression.unknown-name")
/// and is what callers turn into a Vietnamese or English message.
/// </summary>
/// <param name="Code">A stable, dotted identifier of the kind of problem.</param>
/// <param name="Place">Where it is: file, sheet, row, column or field.</param>
/// <param name="Expected">What was expected, in plain words or a pattern.</param>
/// <param name="Found">What was found, if anything.</param>
public sealed record InputProblem(string Code, ProblemPlace Place, string Expected, string? Found = null);
