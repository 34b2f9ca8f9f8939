namespace OpenDti.Domain.Problems;

/// <summary>Where an input problem is. Every part is optional; give all that are known.</summary>
/// <param name="Source">The file name, or the name of the input (e.g. "framework DTI_PROVINCE 2022").</param>
/// <param name="Sheet">The worksheet, for spreadsheets.</param>
/// <param name="Row">The 1-based row or line.</param>
/// <param name="Column">The column name or letter, or the character position in an expression.</param>
/// <param name="Field">The field or item, e.g. an indicator code.</param>
public sealed record ProblemPlace(string? Source = null, string? Sheet = null, int? Row = null, string? Column = null, string? Field = null);
