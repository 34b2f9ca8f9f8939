using OpenDti.Domain.Problems;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// What a reader found in an uploaded file, before any check against the store: the unit rows, the value
/// cells, and the problems of reading (each with its sheet, row and column). XLSX and CSV read into this
/// same shape, so that <see cref="TemplateImport"/> checks them alike.
/// </summary>
internal sealed class UploadedFile
{
    public List<UploadedRow> Rows { get; } = [];

    public List<UploadedCell> Cells { get; } = [];

    public List<ValueProblem> Problems { get; } = [];

    /// <summary>A file-level problem (the file as a whole cannot be read): reading stops there.</summary>
    public static UploadedFile Failed(ValueProblem problem)
    {
        var file = new UploadedFile();
        file.Problems.Add(problem);
        return file;
    }
}

/// <summary>A row of a unit: its code as written, and where (column A of an XLSX row, the unit cell of a CSV line).</summary>
internal sealed record UploadedRow(string UnitCode, ProblemPlace Place);

/// <summary>
/// One value of the file: its unit row, measure, value (null: empty), comment, and — when the file knows
/// it — what was downloaded (<see cref="Baseline"/>, XLSX) and the version of the stored value then
/// (<see cref="Version"/>; <see cref="Guid.Empty"/> when there was none; null when the file does not say).
/// </summary>
internal sealed record UploadedCell(
    UploadedRow Row,
    string MeasureCode,
    ProblemPlace MeasurePlace,
    ProblemPlace Place,
    double? Value,
    string? Comment,
    ProblemPlace CommentPlace,
    UploadedBaseline? Baseline,
    Guid? Version);

/// <summary>The value and comment as the template had them when downloaded.</summary>
internal sealed record UploadedBaseline(double? Value, string? Comment);
