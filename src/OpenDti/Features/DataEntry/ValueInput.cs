using OpenDti.Domain.Problems;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// One value to write, as every channel (form, template upload, API, ingestion, events) hands it over.
/// </summary>
/// <param name="Unit">The unit's code; the unit in force at the end of the period is meant.</param>
/// <param name="Measure">The measure's code.</param>
/// <param name="Period">The period as written: 2024, 2024Q1 or 2024-03.</param>
/// <param name="Value">The value; null removes it.</param>
/// <param name="Comment">The reporter's comment.</param>
/// <param name="Version">
/// The version of the value the writer last saw (<see cref="Guid.Empty"/> for "there was none"); when given
/// and the stored value has moved on, the write is refused as a conflict. Null: overwrite, audited.
/// </param>
/// <param name="Place">Where the value comes from, for error messages (sheet, row and column; a field; a batch index).</param>
public sealed record ValueInput(string Unit, string Measure, string Period, double? Value, string? Comment, Guid? Version, ProblemPlace Place);
